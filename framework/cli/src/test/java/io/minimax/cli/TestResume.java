package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.minimax.testkit.FashionMnistPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code minimax run} killed with SIGKILL at a random step, then {@code minimax resume}d, journals every value
 * (time metrics and timestamps aside) and writes {@code samples-final.csv} byte for byte as the same run uninterrupted.
 */
class TestResume
{
    private static final String PLAIN = PluginFixtures.defaultDescriptor()
            .replace("train: { steps: 3, batchSize: 4, logEvery: 1 }",
                    "train: { steps: 800, batchSize: 8, logEvery: 1, evalEvery: 400, checkpointEvery: 30 }\n"
                            + "metrics: [{ type: mmd }]");
    private static final String PENALIZED = PLAIN + "penalties: [{ type: r1, gamma: 1.0 }]\n";
    /**
     * The Fréchet distance keeps its real set's statistics between evaluations, which checkpoints do not save: a resumed
     * run must draw the very same set again (features: the shipped classifier's, chosen automatically on fashion-mnist).
     */
    private static final String IMAGES = """
            name: fixture
            seed: 7
            train: { steps: 240, batchSize: 8, logEvery: 1, evalEvery: 60, checkpointEvery: 25 }
            data: { type: fashion-mnist, path: %s, classes: [1, 7] }
            prior: { type: gaussian, dim: 8 }
            loss: { type: non-saturating }
            generator: { type: mlp, hidden: [16], activation: relu, outputActivation: tanh }
            discriminator: { type: mlp, hidden: [16], activation: leaky-relu, leak: 0.2 }
            optimizer:
              generator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
            metrics: [{ type: frechet-distance, realSamples: 300 }]
            """.formatted(FashionMnistPackage.folder());

    @Test
    void aPlainRunKilledAndResumedComputesWhatItComputesUninterrupted(@TempDir Path temp)
            throws Exception
    {
        checkKillAndResume(temp, PLAIN, new long[] {1, 2, 3});
    }

    @Test
    void aRunWithAGradientPenaltyKilledAndResumedComputesWhatItComputesUninterrupted(@TempDir Path temp)
            throws Exception
    {
        checkKillAndResume(temp, PENALIZED, new long[] {4, 5});
    }

    @Test
    void anImageRunWithAFrechetDistanceKilledAndResumedComputesWhatItComputesUninterrupted(@TempDir Path temp)
            throws Exception
    {
        checkKillAndResume(temp, IMAGES, new long[] {6, 8});
    }

    @Test
    void aChangedDescriptorIsRefused(@TempDir Path temp)
            throws Exception
    {
        Path run = killedRun(temp, PLAIN.replace("steps: 800", "steps: 200"), Long.MAX_VALUE);
        Path descriptor = run.resolve("descriptor.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("seed: 7", "seed: 8"));
        CliHarness.Result result = CliHarness.minimax("resume", run.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("changed since its checkpoint");
    }

    @Test
    void aCorruptCheckpointIsSkippedForThePreviousOne(@TempDir Path temp)
            throws Exception
    {
        Path reference = killedRun(temp.resolve("reference"), PLAIN, Long.MAX_VALUE);
        Path run = killedRun(temp.resolve("killed"), PLAIN, Long.MAX_VALUE);
        List<Path> checkpoints = checkpoints(run);
        assertThat(checkpoints).hasSize(2);
        Path latest = checkpoints.get(checkpoints.size() - 1);
        try (Stream<Path> files = Files.list(latest)) {
            Path array = files.filter(file -> file.toString().endsWith(".bin")).findFirst().orElseThrow();
            Files.write(array, new byte[] {1, 2, 3});
        }
        CliHarness.Result result = child(temp, "resume", run.toString());
        assertThat(result.out()).contains("skipping checkpoint " + latest.getFileName());
        assertSameRun(run, reference);
    }

    private static void checkKillAndResume(Path temp, String descriptor, long[] seeds)
            throws Exception
    {
        Path reference = killedRun(temp.resolve("reference"), descriptor, Long.MAX_VALUE);
        assertThat(CliHarness.runJson(reference).get("status").asText()).isEqualTo("FINISHED");
        long lines = CliHarness.metrics(reference).size();
        for (long seed : seeds) {
            long killAt = lines / 10 + new Random(seed).nextLong(lines * 7 / 10);
            Path run = killedRun(temp.resolve("killed-" + seed), descriptor, killAt);
            assertThat(CliHarness.runJson(run).get("status").asText()).as("killed at line " + killAt).isEqualTo("RUNNING");
            CliHarness.Result resumed = child(temp, "resume", run.toString());
            assertThat(resumed.exitCode()).as(resumed.out()).isZero();
            assertThat(CliHarness.runJson(run).get("status").asText()).isEqualTo("FINISHED");
            assertSameRun(run, reference);
        }
    }

    private static void assertSameRun(Path run, Path reference)
            throws IOException
    {
        List<String> actual = values(run);
        List<String> expected = values(reference);
        // one value at a time: the first difference says where the runs part, a whole-list message is cut at 1000 values
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            assertThat(actual.get(i)).as("value %d of %d", i, expected.size()).isEqualTo(expected.get(i));
        }
        assertThat(actual).hasSameSizeAs(expected);
        // points leave their final samples, images the Fréchet distance's inputs
        for (String file : List.of("samples-final.csv", "frechet-distance-real-covariance.npy", "frechet-distance-generated-mean.npy")) {
            Path expectedFile = reference.resolve("artifacts").resolve(file);
            if (Files.exists(expectedFile)) {
                assertThat(Files.readAllBytes(run.resolve("artifacts").resolve(file))).as(file).isEqualTo(Files.readAllBytes(expectedFile));
            }
        }
        assertThat(Files.exists(reference.resolve("artifacts/samples-final.csv"))
                || Files.exists(reference.resolve("artifacts/frechet-distance-real-covariance.npy"))).isTrue();
    }

    /** Every journaled value as "key step bits", time metrics aside. */
    private static List<String> values(Path run)
            throws IOException
    {
        List<String> values = new ArrayList<>();
        for (JsonNode point : CliHarness.metrics(run)) {
            String key = point.get("key").asText();
            if (!key.startsWith("time/")) {
                long bits = Double.doubleToLongBits(point.get("value").asDouble());
                values.add(key + " " + point.get("step").asLong() + " " + Long.toHexString(bits));
            }
        }
        return values;
    }

    /**
     * Runs {@code descriptor} in a child process, SIGKILLed once its journal has {@code killAtLine} lines and a checkpoint
     * (never, for {@link Long#MAX_VALUE}); returns the run's folder.
     */
    private static Path killedRun(Path folder, String descriptor, long killAtLine)
            throws Exception
    {
        Files.createDirectories(folder);
        Path file = CliHarness.write(folder, "fixture.yaml", descriptor);
        Path runs = folder.resolve("runs");
        Process process = start(folder, "run", file.toString(), "--runs-dir", runs.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (process.isAlive() && System.nanoTime() < deadline) {
                Path run = runFolder(runs);
                if (killAtLine != Long.MAX_VALUE && run != null && !checkpoints(run).isEmpty()
                        && Files.exists(run.resolve("metrics.jsonl")) && Files.size(run.resolve("metrics.jsonl")) > 0
                        && lineCount(run.resolve("metrics.jsonl")) >= killAtLine) {
                    process.destroyForcibly();
                    break;
                }
                Thread.sleep(killAtLine == Long.MAX_VALUE ? 50 : 2);
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (killAtLine != Long.MAX_VALUE) {
                assertThat(process.exitValue()).as("the run was killed before it finished").isEqualTo(137);
            }
            return runFolder(runs);
        }
        finally {
            process.destroyForcibly();
        }
    }

    private static CliHarness.Result child(Path folder, String... args)
            throws Exception
    {
        Process process = start(folder, args);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(folder.resolve("output.txt"));
        return new CliHarness.Result(process.exitValue(), output, output);
    }

    private static Process start(Path folder, String... args)
            throws IOException
    {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.resolve("output.txt").toFile()).start();
    }

    private static Path runFolder(Path runs)
    {
        File[] folders = runs.resolve("fixture").toFile().listFiles(File::isDirectory);
        return folders == null || folders.length != 1 ? null : folders[0].toPath();
    }

    private static List<Path> checkpoints(Path run)
            throws IOException
    {
        Path folder = run.resolve("checkpoints");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(child -> child.getFileName().toString().startsWith("step-")).sorted().toList();
        }
    }

    private static long lineCount(Path file)
            throws IOException
    {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }
}
