package io.minimax.core.run;

import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.descriptor.PluginSelection;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.descriptor.TrainSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which runs of a sweep can be lanes of one lockstep ({@code train.vectorizeSweep}): those equal in everything but
 * their seed, their loss and their metrics. Groups keep the plan's order, by their first run.
 */
final class LockstepGroups
{
    private LockstepGroups() {}

    /** The plan positions of each group, in plan order. */
    static List<List<Integer>> of(List<RunPlan> runs)
    {
        Map<Key, List<Integer>> groups = new LinkedHashMap<>();
        for (int index = 0; index < runs.size(); index++) {
            groups.computeIfAbsent(Key.of(runs.get(index).spec()), key -> new ArrayList<>()).add(index);
        }
        return List.copyOf(groups.values());
    }

    private record Key(
            TrainSpec train,
            PluginSelection data,
            PluginSelection prior,
            List<PluginSelection> penalties,
            PluginSelection generator,
            PluginSelection discriminator,
            PluginSelection generatorOptimizer,
            PluginSelection discriminatorOptimizer)
    {
        static Key of(ExperimentSpec spec)
        {
            return new Key(spec.train(), spec.data(), spec.prior(), spec.penalties(), spec.generator(), spec.discriminator(),
                    spec.generatorOptimizer(), spec.discriminatorOptimizer());
        }
    }
}
