package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.minimax.core.platform.CpuInfo;
import io.minimax.plugin.support.Mkl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.minimax.cli.CliHarness.metrics;
import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.runJson;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code train.vectorizeSweep}: the runs of a sweep trained in lockstep give each run's numbers as if it ran alone. */
class TestVectorizedSweep
{
    private static final String SWEEP = """
            name: lockstep
            train: { steps: 60, batchSize: 32, logEvery: 5, evalEvery: 30 }
            data: { type: ring, modes: 8, radius: 1.0, std: 0.02 }
            prior: { type: gaussian, dim: 4 }
            loss: { type: non-saturating }
            generator: { type: mlp, hidden: [16, 16], activation: relu }
            discriminator: { type: mlp, hidden: [16, 16], activation: leaky-relu, leak: 0.2 }
            optimizer:
              generator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
            metrics: [{ type: mode-coverage }]
            sweep:
              loss.type: [minimax, non-saturating]
              seed: [1, 2, 3]
            """;

    @Test
    void everyRunOfALockstepHasTheMetricsItHasAlone(@TempDir Path temp)
            throws Exception
    {
        assertLockstepEqualsAlone(temp, SWEEP, 6);
    }

    @Test
    void gradientPenaltiesTrainInLockstepToo(@TempDir Path temp)
            throws Exception
    {
        assertLockstepEqualsAlone(temp, SWEEP.replace("steps: 60", "steps: 20").replace("evalEvery: 30", "evalEvery: 10")
                .replace("metrics: [{ type: mode-coverage }]", "metrics: [{ type: mode-coverage }]\npenalties: [{ type: r1, gamma: 1.0 }]")
                .replace("loss.type: [minimax, non-saturating]", "loss.type: [non-saturating]"), 3);
    }

    @Test
    void lanesWhoseProductsMklMultipliesTrainInLockstepToo(@TempDir Path temp)
            throws Exception
    {
        // [256, 128]·[128, 128] is above OpenBLAS's small-matrix bound: on an Intel CPU with AVX-512 MKL multiplies it (its
        // JIT kernels, the lanes on two threads at once), and must give a lane, whose arrays lie at other offsets, the bits
        // of its run alone
        String sweep = SWEEP.replace("steps: 60", "steps: 20").replace("evalEvery: 30", "evalEvery: 10")
                .replace("batchSize: 32", "batchSize: 256").replace("hidden: [16, 16]", "hidden: [128, 128]")
                .replace("loss.type: [minimax, non-saturating]", "loss.type: [non-saturating]").replace("seed: [1, 2, 3]", "seed: [1, 2]");
        assertLockstepEqualsAlone(temp, sweep, 2);
        CpuInfo cpu = CpuInfo.current();
        boolean mkl = Mkl.availability().available() && cpu.vendor().equals("GenuineIntel") && cpu.has("avx512f");
        for (Path run : runDirectories(temp.resolve("lockstep"), "lockstep")) {
            assertThat(runJson(run).get("tags").get("minimax.blas.products").asText()).startsWith(mkl ? "MKL 20" : "OpenBLAS");
        }
    }

    private static void assertLockstepEqualsAlone(Path temp, String sweep, int runs)
            throws Exception
    {
        Path descriptor = write(temp, "sweep.yaml", sweep);
        CliHarness.Result alone = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("alone").toString());
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        CliHarness.Result lockstep = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("lockstep").toString(),
                "--set", "train.vectorizeSweep=true");
        assertThat(lockstep.exitCode()).as(lockstep.err()).isZero();
        assertThat(lockstep.out()).contains(runs + " runs in lockstep");

        Map<String, Path> aloneRuns = runsByName(temp.resolve("alone"));
        Map<String, Path> lockstepRuns = runsByName(temp.resolve("lockstep"));
        assertThat(lockstepRuns.keySet()).hasSize(runs).isEqualTo(aloneRuns.keySet());
        for (String run : aloneRuns.keySet()) {
            assertThat(runJson(lockstepRuns.get(run)).get("status").asText()).isEqualTo("FINISHED");
            assertThat(runJson(lockstepRuns.get(run)).get("params")).as("params say nothing of the lockstep")
                    .isEqualTo(runJson(aloneRuns.get(run)).get("params"));
            Map<String, Double> expected = values(aloneRuns.get(run));
            Map<String, Double> actual = values(lockstepRuns.get(run));
            assertThat(actual.keySet()).as(run).isEqualTo(expected.keySet());
            assertThat(expected.keySet()).anyMatch(key -> key.startsWith("eval/modes_covered@"));
            // each lane steps with its own optimizers, a block of steps at a time: exactly its run alone
            for (String key : expected.keySet()) {
                assertThat(actual.get(key)).as(run + " " + key).isEqualTo(expected.get(key));
            }
            assertThat(Files.readAllLines(lockstepRuns.get(run).resolve("artifacts/samples-final.csv")))
                    .isEqualTo(Files.readAllLines(aloneRuns.get(run).resolve("artifacts/samples-final.csv")));
        }
    }

    @Test
    void runsThatDifferInMoreThanSeedOrLossFormSeparateLocksteps(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "sweep.yaml", SWEEP.replace("steps: 60", "steps: 10").replace("evalEvery: 30", "evalEvery: 10")
                .replace("loss.type: [minimax, non-saturating]", "optimizer.generator.learningRate: [0.001, 0.002]")
                .replace("seed: [1, 2, 3]", "seed: [1, 2]").replace("evalEvery: 10 }", "evalEvery: 10, vectorizeSweep: true }"));
        CliHarness.Result result = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("runs").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("[1,2/4] 2 runs in lockstep", "[3,4/4] 2 runs in lockstep");
    }

    @Test
    void diracGanTrainsInLockstepToo(@TempDir Path temp)
            throws Exception
    {
        // networks of any plugin take their parameters as views, Dirac-GAN's one-parameter players included
        Path descriptor = write(temp, "sweep.yaml", """
                name: lockstep
                train: { steps: 20, batchSize: 1, updates: simultaneous, logEvery: 5 }
                data: { type: dirac, at: 0.0 }
                prior: { type: gaussian, dim: 1 }
                loss: { type: minimax }
                generator: { type: constant, init: 1.0 }
                discriminator: { type: linear, bias: false, init: 1.0 }
                optimizer:
                  generator: { type: sgd, learningRate: 0.1 }
                  discriminator: { type: sgd, learningRate: 0.1 }
                sweep:
                  seed: [1, 2]
                """);
        CliHarness.Result alone = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("alone").toString());
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        CliHarness.Result lockstep = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("lockstep").toString(),
                "--set", "train.vectorizeSweep=true");
        assertThat(lockstep.exitCode()).as(lockstep.err()).isZero();
        assertThat(lockstep.out()).contains("2 runs in lockstep");

        Map<String, Path> aloneRuns = runsByName(temp.resolve("alone"));
        Map<String, Path> lockstepRuns = runsByName(temp.resolve("lockstep"));
        assertThat(lockstepRuns.keySet()).hasSize(2).isEqualTo(aloneRuns.keySet());
        for (String run : aloneRuns.keySet()) {
            assertThat(runJson(lockstepRuns.get(run)).get("status").asText()).isEqualTo("FINISHED");
            Map<String, Double> expected = values(aloneRuns.get(run));
            assertThat(expected.keySet()).anyMatch(key -> key.startsWith("dirac/theta@"));
            assertThat(values(lockstepRuns.get(run))).as(run).isEqualTo(expected);
        }
    }

    private static Map<String, Path> runsByName(Path runs)
            throws Exception
    {
        Map<String, Path> byName = new TreeMap<>();
        for (Path run : runDirectories(runs, "lockstep")) {
            byName.put(runJson(run).get("tags").get("mlflow.runName").asText(), run);
        }
        return byName;
    }

    /** Every logged value but timings, by key and step. */
    private static Map<String, Double> values(Path run)
            throws Exception
    {
        Map<String, Double> values = new TreeMap<>();
        List<JsonNode> points = metrics(run);
        for (JsonNode point : points) {
            String key = point.get("key").asText();
            if (!key.startsWith("time/")) {
                values.put(key + "@" + point.get("step").asLong(), point.get("value").asDouble());
            }
        }
        return values;
    }
}
