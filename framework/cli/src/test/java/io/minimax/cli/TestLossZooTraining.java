package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.Players;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.engine.TrainingResult;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import io.minimax.spi.network.Network;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every loss and penalty fixture trains through the real engine; the engine applies constraints and logs penalties. */
class TestLossZooTraining
{
    private static final PluginRegistry REGISTRY = PluginLoader.load(Optional.empty());

    @TestFactory
    List<DynamicTest> everyLossAndPenaltyTrains()
    {
        List<DynamicTest> tests = new ArrayList<>();
        String base = PluginFixtures.defaultDescriptor();
        for (List<String> fixtures : PluginFixtures.LOSSES.values()) {
            for (String fixture : fixtures) {
                tests.add(DynamicTest.dynamicTest("loss " + fixture, () -> {
                    String descriptor = base.replace(PluginFixtures.LOSSES.get("non-saturating").get(0), fixture);
                    assertThat(train(descriptor).values()).containsKeys("loss/discriminator", "loss/generator")
                            .doesNotContainKey("loss/penalty");
                }));
            }
        }
        for (List<String> fixtures : PluginFixtures.PENALTIES.values()) {
            for (String fixture : fixtures) {
                tests.add(DynamicTest.dynamicTest("penalty " + fixture, () -> {
                    Map<String, Double> values = train(base + "penalties: [" + fixture + ", { type: r1, gamma: 0.0 }]\n").values();
                    assertThat(values.get("loss/penalty")).isPositive();
                }));
            }
        }
        return tests;
    }

    @Test
    void wassersteinClipsTheCriticAfterEveryUpdate()
    {
        String descriptor = PluginFixtures.defaultDescriptor()
                .replace("loss: { type: non-saturating }", "loss: { type: wasserstein, clip: 0.02 }");
        Trained trained = train(descriptor);
        for (double parameter : trained.players().discriminator().parameters().toDoubleVector()) {
            assertThat(parameter).isBetween(-0.02, 0.02);
        }
        // the generator is not the critic: nothing clips it
        assertThat(trained.players().generator().parameters().amaxNumber().doubleValue()).isGreaterThan(0.02);
        // a critic's output is no probability: no V̂ or D means
        assertThat(trained.values()).doesNotContainKeys("value/estimate", "discriminator/real");
    }

    @Test
    void wganGpCriticReachesItsClosedFormOptimum()
    {
        // Two point masses at a = 0 (data) and θ = 1 (a generator held still), a linear critic f(x) = ψx + b: then
        // L_D = ψ(θ − a) and ∇ₓf = ψ on every interpolate, so D minimises ψ + λ(|ψ| − 1)², whose minimum is at
        // ψ = −(1 + W1/(2λ)) with W1 = |θ − a| = 1. The critic overestimates W1 by that factor and pays λ(W1/2λ)².
        String descriptor = """
                name: wgan-gp-closed-form
                train: { steps: 600, batchSize: 4, logEvery: 1 }
                data: { type: dirac, at: 0.0 }
                prior: { type: gaussian, dim: 1 }
                loss: { type: wasserstein, clip: 0.0 }
                penalties: [{ type: wgan-gp, lambda: 2.0 }]
                generator: { type: constant, init: 1.0 }
                discriminator: { type: linear, bias: true, init: 0.0 }
                optimizer:
                  generator: { type: sgd, learningRate: 1.0e-300 }
                  discriminator: { type: sgd, learningRate: 0.05 }
                """;
        Map<String, Double> values = train(descriptor, DataType.DOUBLE).values();

        assertThat(values.get("dirac/psi")).isCloseTo(-1.25, within(1e-12));
        assertThat(values.get("dirac/theta")).isEqualTo(1.0);
        // −L_D, the critic's estimate of W1, and the penalty at the optimum
        assertThat(values.get("loss/discriminator")).isCloseTo(-1.25, within(1e-12));
        assertThat(values.get("loss/penalty")).isCloseTo(2.0 * 0.25 * 0.25, within(1e-12));
    }

    @Test
    void penaltiesNeedADiscriminatorThatDoubleBackpropagates()
    {
        ExperimentSpec spec = PluginFixtures.bind(REGISTRY, PluginFixtures.defaultDescriptor() + "penalties: [{ type: r1 }]\n");
        Players players = RunInjector.create(new RunModule(spec, REGISTRY, DataType.FLOAT)).getInstance(Players.class);
        assertThatThrownBy(() -> new Players(players.data(), players.prior(), players.loss(), players.penalties(), players.generator(),
                new OpaqueNetwork(players.discriminator()), players.generatorOptimizer(), players.discriminatorOptimizer()))
                .hasMessageContaining("gradient penalties need double backpropagation, which the discriminator opaque does not support");
    }

    private static Trained train(String descriptor)
    {
        return train(descriptor, DataType.FLOAT);
    }

    private static Trained train(String descriptor, DataType dataType)
    {
        ExperimentSpec spec = PluginFixtures.bind(REGISTRY, descriptor);
        Players players = RunInjector.create(new RunModule(spec, REGISTRY, dataType)).getInstance(Players.class);
        MetricsRecorder recorder = new MetricsRecorder(List.of(), Clock.systemUTC());
        TrainingResult result = new Trainer(spec.train(), players, recorder, Evaluation.NONE, TrainingListener.NONE, new StopSignal(),
                dataType)
                .train();
        assertThat(result.status()).as(result.error().orElse("")).isEqualTo(RunStatus.FINISHED);
        return new Trained(players, result.lastValues());
    }

    private record Trained(Players players, Map<String, Double> values) {}

    /** A network that delegates everything but does not offer double backpropagation, as a third-party one may not. */
    private record OpaqueNetwork(Network delegate)
            implements Network
    {
        @Override
        public long[] inputShape()
        {
            return delegate.inputShape();
        }

        @Override
        public long[] outputShape()
        {
            return delegate.outputShape();
        }

        @Override
        public long parameterCount()
        {
            return delegate.parameterCount();
        }

        @Override
        public void initialize(INDArray parameters, INDArray gradients)
        {
            delegate.initialize(parameters, gradients);
        }

        @Override
        public INDArray forward(INDArray input)
        {
            return delegate.forward(input);
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            return delegate.backward(outputGradient, parameterGradients);
        }

        @Override
        public INDArray parameters()
        {
            return delegate.parameters();
        }

        @Override
        public INDArray gradients()
        {
            return delegate.gradients();
        }

        @Override
        public String toString()
        {
            return "opaque";
        }
    }
}
