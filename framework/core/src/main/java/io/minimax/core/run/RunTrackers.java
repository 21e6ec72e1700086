package io.minimax.core.run;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.PluginSelection;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.plugin.ExtensionPoints;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.PluginInstances;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.RandomSource;
import io.minimax.spi.tracking.Tracker;
import io.minimax.spi.tracking.TrackerFactory;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Creates the tracker a descriptor's {@code tracking:} section selects, next to the journal. A sweep whose runs all
 * select the same tracker, one whose store nests runs ({@link TrackerFactory#runNesting}), gets a parent tracker, and
 * each run a child of it.
 */
final class RunTrackers
{
    private final PluginRegistry registry;

    RunTrackers(PluginRegistry registry)
    {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** A parent for the sweep's runs, not yet started; empty for a single run or a tracker that does not nest. */
    Optional<Tracker> parent(ExperimentPlan plan)
    {
        if (!plan.isSweep()) {
            return Optional.empty();
        }
        Optional<PluginSelection> selection = plan.runs().get(0).spec().tracking();
        boolean shared = plan.runs().stream().allMatch(run -> run.spec().tracking().equals(selection));
        if (selection.isEmpty() || !shared || factory(selection.get()).runNesting().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PluginInstances.create(registry, ExtensionPoints.TRACKERS, selection.get(), context()));
    }

    /** The run's own tracker, a child of {@code parent} when there is one. */
    Optional<Tracker> forRun(RunPlan run, Optional<Tracker> parent)
    {
        return run.spec().tracking().map(selection -> {
            TrackerFactory<?> factory = factory(selection);
            if (parent.isPresent() && factory.runNesting().isPresent()) {
                return createChild(factory, selection.spec(), context(), parent.get());
            }
            return PluginInstances.create(registry, ExtensionPoints.TRACKERS, selection, context());
        });
    }

    private TrackerFactory<?> factory(PluginSelection selection)
    {
        return registry.point(ExtensionPoints.TRACKERS).find(selection.type())
                .orElseThrow(() -> new IllegalStateException(selection.path() + ": no tracker named '" + selection.type() + "'"));
    }

    // the capture of S makes the spec cast a checked one, by the factory's own spec class
    private static <S extends PluginSpec> Tracker createChild(TrackerFactory<S> factory, PluginSpec spec, PluginContext context,
            Tracker parent)
    {
        return factory.runNesting().orElseThrow().createChild(factory.specClass().cast(spec), context, parent);
    }

    private static PluginContext context()
    {
        return new TrackerContext(new SeededRandomSource(0));
    }

    private record TrackerContext(RandomSource random)
            implements PluginContext
    {
        @Override
        public DataType dataType()
        {
            return DataType.FLOAT;
        }
    }
}
