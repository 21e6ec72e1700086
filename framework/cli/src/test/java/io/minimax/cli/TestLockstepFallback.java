package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.Lane;
import io.minimax.core.engine.LockstepRefusedException;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.ParallelLockstep;
import io.minimax.core.engine.ParameterOwner;
import io.minimax.core.engine.Players;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.engine.TrainingResult;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a lockstep takes and what it refuses. Each lane steps its own optimizers, so lanes whose optimizer is not
 * element-wise train in lockstep; lanes whose noise shapes differ are refused, after the lockstep has handed their
 * networks their vectors all the same: each lane then trains alone. Either way every lane ends as its run alone would.
 */
class TestLockstepFallback
{
    private static final PluginRegistry REGISTRY = PluginLoader.load(Optional.empty());

    @Test
    void lanesWithAnOptimizerThatIsNotElementwiseTrainInLockstepAsTheirRunsWould()
            throws Exception
    {
        List<ExperimentSpec> specs = List.of(spec(1), spec(2));
        List<Lane> lanes = new ArrayList<>();
        for (ExperimentSpec spec : specs) {
            lanes.add(lane(notElementwise(players(spec, ParameterOwner.LOCKSTEP))));
        }
        List<TrainingResult> together = ParallelLockstep.create(specs.get(0).train(), lanes, 2, TrainingListener.NONE, new StopSignal(),
                DataType.FLOAT).train();

        assertThat(together).hasSize(specs.size());
        for (int index = 0; index < specs.size(); index++) {
            TrainingResult alone = train(specs.get(index), lane(notElementwise(players(specs.get(index), ParameterOwner.RUN))));
            assertThat(together.get(index).status()).as(together.get(index).error().orElse("")).isEqualTo(RunStatus.FINISHED);
            assertThat(withoutTimings(together.get(index).lastValues())).isEqualTo(withoutTimings(alone.lastValues())).isNotEmpty();
        }
    }

    @Test
    void lanesALockstepRefusesTrainAloneAsTheirRunsWould()
    {
        List<ExperimentSpec> specs = List.of(spec(1), spec(2, "prior.dim=5"));
        List<Lane> lanes = new ArrayList<>();
        for (ExperimentSpec spec : specs) {
            lanes.add(lane(players(spec, ParameterOwner.LOCKSTEP)));
        }
        assertThatThrownBy(() -> ParallelLockstep.create(specs.get(0).train(), lanes, 2, TrainingListener.NONE, new StopSignal(),
                DataType.FLOAT))
                .isInstanceOf(LockstepRefusedException.class)
                .hasMessageContaining("noise or sample shapes differ");

        for (int index = 0; index < specs.size(); index++) {
            TrainingResult fallback = train(specs.get(index), lanes.get(index));
            TrainingResult alone = train(specs.get(index), lane(players(specs.get(index), ParameterOwner.RUN)));
            assertThat(fallback.status()).as(fallback.error().orElse("")).isEqualTo(RunStatus.FINISHED);
            assertThat(withoutTimings(fallback.lastValues())).isEqualTo(withoutTimings(alone.lastValues())).isNotEmpty();
        }
    }

    private static ExperimentSpec spec(long seed, String... overrides)
    {
        List<String> all = new ArrayList<>(List.of("seed=" + seed, "train.steps=20"));
        all.addAll(List.of(overrides));
        return new DescriptorLoader(REGISTRY)
                .parse(PluginFixtures.defaultDescriptor(), "fixture.yaml", false, all)
                .runs().get(0).spec();
    }

    private static Map<String, Double> withoutTimings(Map<String, Double> values)
    {
        Map<String, Double> kept = new TreeMap<>(values);
        kept.keySet().removeIf(key -> key.startsWith("time/"));
        return kept;
    }

    private static Players players(ExperimentSpec spec, ParameterOwner owner)
    {
        return RunInjector.create(new RunModule(spec, REGISTRY, DataType.FLOAT, owner)).getInstance(Players.class);
    }

    private static Players notElementwise(Players players)
    {
        return new Players(players.data(), players.prior(), players.loss(), players.penalties(), players.generator(),
                players.discriminator(),
                players.generatorOptimizer(), new NotElementwise(players.discriminatorOptimizer()));
    }

    private static Lane lane(Players players)
    {
        return new Lane(players, new MetricsRecorder(List.of(), Clock.systemUTC()), Evaluation.NONE);
    }

    private static TrainingResult train(ExperimentSpec spec, Lane lane)
    {
        return new Trainer(spec.train(), lane.players(), lane.recorder(), Evaluation.NONE, TrainingListener.NONE, new StopSignal(),
                DataType.FLOAT)
                .train();
    }

    /** Steps as its delegate does, but claims no element-wise updates, as an optimizer clipping by a global norm would. */
    private record NotElementwise(Optimizer delegate)
            implements Optimizer
    {
        @Override
        public void step(INDArray parameters, INDArray gradients)
        {
            delegate.step(parameters, gradients);
        }
    }
}
