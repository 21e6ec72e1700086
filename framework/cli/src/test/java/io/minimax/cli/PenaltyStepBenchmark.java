package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.Players;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import org.nd4j.linalg.api.buffer.DataType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Milliseconds per training step of the toy GAN (ring of 8, G 8-128-128-2, D 2-128-128-1 leaky ReLU, batch 256,
 * Adam) without a penalty and with each penalty, measured in interleaved rounds so that the load of a shared machine
 * hits every variant alike; prints the median and best round. Not a test: run it by hand on one native thread after
 * {@code mvn -o install -DskipTests}:
 * <pre>
 * mvn -q -o dependency:build-classpath -pl framework/cli -Dmdep.outputFile=/tmp/cp.txt
 * OMP_NUM_THREADS=1 java -cp framework/cli/target/test-classes:framework/cli/target/classes:$(cat /tmp/cp.txt) \
 *     io.minimax.cli.PenaltyStepBenchmark
 * </pre>
 */
public final class PenaltyStepBenchmark
{
    private static final int ROUNDS = 9;
    private static final int STEPS_PER_ROUND = 100;
    private static final List<String> PENALTIES = List.of("[]", "[{ type: r1 }]", "[{ type: r2 }]", "[{ type: wgan-gp }]");
    private static final String DESCRIPTOR = """
            name: penalty-benchmark
            seed: 1
            train: { steps: %d, batchSize: 256, logEvery: %d }
            data: { type: ring, modes: 8, radius: 1.0, std: 0.01 }
            prior: { type: gaussian, dim: 8 }
            loss: { type: non-saturating }
            penalties: %s
            generator: { type: mlp, hidden: [128, 128], activation: relu }
            discriminator: { type: mlp, hidden: [128, 128], activation: leaky-relu, leak: 0.2 }
            optimizer:
              generator: { type: adam, learningRate: 1.0e-4, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 1.0e-4, beta1: 0.5, beta2: 0.999 }
            """;

    private PenaltyStepBenchmark() {}

    public static void main(String[] arguments)
    {
        PluginRegistry registry = PluginLoader.load(Optional.empty());
        List<Trainer> trainers = new ArrayList<>();
        for (String penalties : PENALTIES) {
            ExperimentSpec spec = PluginFixtures.bind(registry, DESCRIPTOR.formatted(STEPS_PER_ROUND, STEPS_PER_ROUND, penalties));
            Players players = RunInjector.create(new RunModule(spec, registry, DataType.FLOAT)).getInstance(Players.class);
            Trainer trainer = new Trainer(spec.train(), players, new MetricsRecorder(List.of(), Clock.systemUTC()), Evaluation.NONE,
                    TrainingListener.NONE, new StopSignal(), DataType.FLOAT);
            trainer.train();
            trainers.add(trainer);
        }
        double[][] millis = new double[PENALTIES.size()][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int variant = 0; variant < trainers.size(); variant++) {
                long start = System.nanoTime();
                trainers.get(variant).train();
                millis[variant][round] = (System.nanoTime() - start) / 1e6 / STEPS_PER_ROUND;
            }
        }
        for (int variant = 0; variant < trainers.size(); variant++) {
            double[] sorted = millis[variant].clone();
            Arrays.sort(sorted);
            System.out.printf("penalties %-22s median %.2f ms/step, best %.2f%n", PENALTIES.get(variant), sorted[ROUNDS / 2], sorted[0]);
        }
    }
}
