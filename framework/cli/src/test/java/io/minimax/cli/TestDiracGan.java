package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.descriptor.UpdateRule;
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
import io.minimax.plugins.dirac.ConstantNetworkSpec;
import io.minimax.plugins.dirac.DiracSpec;
import io.minimax.plugins.dirac.LinearNetworkSpec;
import io.minimax.plugins.losses.R1PenaltySpec;
import io.minimax.plugins.optimizers.SgdSpec;
import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

import javax.imageio.ImageIO;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.minimax.cli.CliHarness.metrics;
import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Dirac-GAN's trajectories against the exact update rule, computed here in plain doubles. With p_data = δ_a,
 * G = θ, D(x) = σ(ψx), the minimax loss and f(t) = log(1 + eᵗ) (softplus, f' = σ), every sample of a minibatch is
 * the same, so the batch means are exact:
 * <pre>
 *   L_D(θ, ψ) = ½[f(−ψa) + f(ψθ)] + (γ/2)ψ²      (BCE over 2m samples, plus R1: ‖∇ₓ ψx‖² = ψ²)
 *   L_G(θ, ψ) = −f(ψθ)                          (mean log(1 − D(G(z))))
 *   ∂L_D/∂ψ  = ½[θ·σ(ψθ) − a·σ(−ψa)] + γψ
 *   ∂L_G/∂θ  = −ψ·σ(ψθ)
 * </pre>
 * SGD with step sizes h_G, h_D. Simultaneous: both gradients at (θ_k, ψ_k). Alternating: D first, then G at
 * (θ_k, ψ_{k+1}). With h_D = 2h_G = 2h (as the experiments set it) the simultaneous rule is a rotation by hσ(ψθ)
 * scaled by exactly √(1 + h²σ(ψθ)²), so the radius grows every step.
 */
class TestDiracGan
{
    private static final PluginRegistry REGISTRY = PluginLoader.load(Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {"dirac-simultaneous.yaml", "dirac-alternating.yaml", "dirac-r1.yaml"})
    void trajectoryIsTheExactUpdateRule(String experiment)
    {
        ExperimentSpec spec = load(experiment);
        List<double[]> run = train(spec);
        List<double[]> exact = exactTrajectory(spec);

        assertThat(run).hasSize((int) spec.train().steps() + 1);
        for (int step = 0; step < run.size(); step++) {
            assertThat(run.get(step)[0]).as("θ at step %d", step).isCloseTo(exact.get(step)[0], within(1e-12));
            assertThat(run.get(step)[1]).as("ψ at step %d", step).isCloseTo(exact.get(step)[1], within(1e-12));
        }
    }

    @Test
    void theRuleHoldsForADiracAwayFromZeroToo()
    {
        ExperimentSpec spec = load("dirac-r1.yaml", "data.at=0.5", "train.updates=alternating");
        List<double[]> run = train(spec);
        List<double[]> exact = exactTrajectory(spec);
        for (int step = 0; step < run.size(); step++) {
            assertThat(run.get(step)[0]).isCloseTo(exact.get(step)[0], within(1e-12));
            assertThat(run.get(step)[1]).isCloseTo(exact.get(step)[1], within(1e-12));
        }
        // R1 moves the equilibrium nowhere: θ → a, ψ → 0
        assertThat(run.get(run.size() - 1)[0]).isCloseTo(0.5, within(1e-3));
        assertThat(run.get(run.size() - 1)[1]).isCloseTo(0.0, within(1e-3));
    }

    @Test
    void simultaneousStepsSpiralOutwardAlternatingStepsCircleAndR1Converges()
    {
        List<Double> simultaneous = radii(train(load("dirac-simultaneous.yaml")));
        for (int step = 1; step < simultaneous.size(); step++) {
            assertThat(simultaneous.get(step)).as("radius at step %d", step).isGreaterThan(simultaneous.get(step - 1));
        }
        assertThat(simultaneous.get(simultaneous.size() - 1)).isGreaterThan(1.9 * simultaneous.get(0));

        List<Double> alternating = radii(train(load("dirac-alternating.yaml")));
        for (double radius : alternating) {
            assertThat(radius).isBetween(0.95 * alternating.get(0), 1.001 * alternating.get(0));
        }

        List<Double> regularised = radii(train(load("dirac-r1.yaml")));
        assertThat(regularised.get(regularised.size() - 1)).isLessThan(1e-5);
    }

    @Test
    void aFloatRunJournalsTheSameTrajectoryAndPlotsIt(@TempDir Path temp)
            throws Exception
    {
        Path runs = temp.resolve("runs");
        CliHarness.Result result = minimax("run", CliHarness.REPOSITORY.resolve("experiments/dirac-simultaneous.yaml").toString(),
                "--set", "train.steps=200", "--runs-dir", runs.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path run = runDirectories(runs, "dirac-simultaneous").get(0);

        List<double[]> journaled = new ArrayList<>();
        List<JsonNode> points = metrics(run);
        for (JsonNode theta : points) {
            if (theta.get("key").asText().equals("dirac/theta")) {
                long step = theta.get("step").asLong();
                double psi = points.stream()
                        .filter(point -> point.get("key").asText().equals("dirac/psi") && point.get("step").asLong() == step)
                        .findFirst().orElseThrow().get("value").asDouble();
                journaled.add(new double[] {theta.get("value").asDouble(), psi});
            }
        }
        List<double[]> exact = exactTrajectory(load("dirac-simultaneous.yaml", "train.steps=200"));
        assertThat(journaled).hasSize(201);
        for (int step = 0; step < journaled.size(); step++) {
            // FLOAT: rounding of 6e-8 per step, accumulated over 200 steps
            assertThat(journaled.get(step)[0]).isCloseTo(exact.get(step)[0], within(1e-5));
            assertThat(journaled.get(step)[1]).isCloseTo(exact.get(step)[1], within(1e-5));
        }
        // the dirac-trajectory metric reads the same distance from the equilibrium (a = 0 here) off the final evaluation
        JsonNode distance = points.stream().filter(point -> point.get("key").asText().equals("dirac/distance")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(distance.get("step").asLong()).isEqualTo(200);
        assertThat(distance.get("value").asDouble()).isCloseTo(Math.hypot(exact.get(200)[0], exact.get(200)[1]), within(1e-5));
        assertThat(ImageIO.read(run.resolve("artifacts/distance.png").toFile())).isNotNull();
        assertThat(ImageIO.read(run.resolve("artifacts/trajectory.png").toFile()).getWidth()).isEqualTo(600);
        assertThat(ImageIO.read(run.resolve("artifacts/parameters.png").toFile())).isNotNull();
    }

    private static ExperimentSpec load(String experiment, String... overrides)
    {
        return new DescriptorLoader(REGISTRY).load(CliHarness.REPOSITORY.resolve("experiments").resolve(experiment), List.of(overrides))
                .runs().get(0).spec();
    }

    /** (θ, ψ) at step 0 and after each step, as the engine logged them, computing in DOUBLE. */
    private static List<double[]> train(ExperimentSpec spec)
    {
        Players players = RunInjector.create(new RunModule(spec, REGISTRY, DataType.DOUBLE)).getInstance(Players.class);
        MetricsRecorder recorder = new MetricsRecorder(List.of(), Clock.systemUTC());
        TrainingResult result = new Trainer(spec.train(), players, recorder, Evaluation.NONE, TrainingListener.NONE, new StopSignal(),
                DataType.DOUBLE)
                .train();
        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        List<MetricPoint> theta = recorder.history().of("dirac/theta");
        List<MetricPoint> psi = recorder.history().of("dirac/psi");
        assertThat(theta).hasSameSizeAs(psi);
        List<double[]> trajectory = new ArrayList<>();
        for (int i = 0; i < theta.size(); i++) {
            assertThat(theta.get(i).step()).isEqualTo(i).isEqualTo(psi.get(i).step());
            trajectory.add(new double[] {theta.get(i).value(), psi.get(i).value()});
        }
        return trajectory;
    }

    private static List<double[]> exactTrajectory(ExperimentSpec spec)
    {
        double at = ((DiracSpec) spec.data().spec()).at();
        double theta = ((ConstantNetworkSpec) spec.generator().spec()).init();
        double psi = ((LinearNetworkSpec) spec.discriminator().spec()).init();
        double generatorStep = ((SgdSpec) spec.generatorOptimizer().spec()).learningRate();
        double discriminatorStep = ((SgdSpec) spec.discriminatorOptimizer().spec()).learningRate();
        double gamma = spec.penalties().stream().mapToDouble(penalty -> ((R1PenaltySpec) penalty.spec()).gamma()).sum();
        boolean simultaneous = spec.train().updates() == UpdateRule.SIMULTANEOUS;

        List<double[]> trajectory = new ArrayList<>();
        trajectory.add(new double[] {theta, psi});
        for (long step = 0; step < spec.train().steps(); step++) {
            double nextPsi = psi - discriminatorStep * (0.5 * (theta * sigmoid(psi * theta) - at * sigmoid(-psi * at)) + gamma * psi);
            double psiSeenByG = simultaneous ? psi : nextPsi;
            theta = theta + generatorStep * psiSeenByG * sigmoid(psiSeenByG * theta);
            psi = nextPsi;
            trajectory.add(new double[] {theta, psi});
        }
        return trajectory;
    }

    private static List<Double> radii(List<double[]> trajectory)
    {
        return trajectory.stream().map(point -> Math.hypot(point[0], point[1])).toList();
    }

    private static double sigmoid(double x)
    {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
