package io.minimax.cli;

import io.minimax.core.evaluation.SampleEvaluation;
import io.minimax.testkit.FashionMnistPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.minimax.cli.KilledRuns.afterLines;
import static io.minimax.cli.KilledRuns.checkpoints;
import static io.minimax.cli.KilledRuns.child;
import static io.minimax.cli.KilledRuns.runFolders;
import static io.minimax.cli.KilledRuns.values;
import static io.minimax.cli.KilledRuns.valuesByRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code minimax run} killed with SIGKILL at a random step, then {@code minimax resume}d (or, for a sweep,
 * {@code minimax run --resume}d), journals every value (time metrics and timestamps aside) and writes
 * {@code samples-final.csv} (an image run: its sample grids) byte for byte as the same run uninterrupted.
 */
class TestResume
{
    private static final String PLAIN = PluginFixtures.defaultDescriptor()
            .replace("train: { steps: 3, batchSize: 4, logEvery: 1 }",
                    "train: { steps: 800, batchSize: 8, logEvery: 1, evalEvery: 400, checkpointEvery: 30 }\n"
                            + "metrics: [{ type: mmd }]");
    private static final String PENALIZED = PLAIN + "penalties: [{ type: r1, gamma: 1.0 }]\n";
    private static final String LOCKSTEP = PLAIN.replace("checkpointEvery: 30", "checkpointEvery: 30, vectorizeSweep: true")
            + "sweep:\n  seed: [7, 8, 9]\n";
    private static final String PENALIZED_LOCKSTEP = PENALIZED.replace("steps: 800", "steps: 400")
            .replace("checkpointEvery: 30", "checkpointEvery: 30, vectorizeSweep: true")
            + "sweep:\n  loss.type: [minimax, non-saturating]\n";
    private static final String SWEEP = PLAIN.replace("steps: 800", "steps: 300").replace("evalEvery: 400", "evalEvery: 150")
            + "sweep:\n  seed: [7, 8, 9]\n";
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
    void aLockstepSweepKilledAndResumedComputesWhatItComputesUninterrupted(@TempDir Path temp)
            throws Exception
    {
        checkSweepKillAndResume(temp, LOCKSTEP, 3, new long[] {6, 7});
    }

    @Test
    void aLockstepSweepWithAGradientPenaltyKilledAndResumedComputesWhatItComputesUninterrupted(@TempDir Path temp)
            throws Exception
    {
        checkSweepKillAndResume(temp, PENALIZED_LOCKSTEP, 2, new long[] {8});
    }

    @Test
    void aLockstepRunResumedAloneComputesWhatItComputesAsALane(@TempDir Path temp)
            throws Exception
    {
        Path reference = KilledRuns.run(temp.resolve("reference"), LOCKSTEP, KilledRuns.NEVER);
        Path runs = KilledRuns.run(temp.resolve("killed"), LOCKSTEP, afterLines("fixture", 3 * 4000));
        Path run = runFolders(runs, "fixture").get(0);
        CliHarness.Result resumed = child(temp, "resume", run.toString());
        assertThat(resumed.exitCode()).as(resumed.out()).isZero();
        String name = CliHarness.runJson(run).get("name").asText();
        assertThat(values(run)).isEqualTo(valuesByRun(reference, "fixture").get(name));
    }

    @Test
    void aSweepResumedSkipsItsFinishedRunsAndStartsTheRunsNeverStarted(@TempDir Path temp)
            throws Exception
    {
        Path reference = KilledRuns.run(temp.resolve("reference"), SWEEP, KilledRuns.NEVER);
        // killed during the second run, after its first checkpoint
        Predicate<Path> secondRunCheckpointed = runs -> runFolders(runs, "fixture").size() == 2
                && runFolders(runs, "fixture").stream().allMatch(run -> KilledRuns.lineCount(run) > 0 && hasCheckpoint(run));
        Path runs = KilledRuns.run(temp.resolve("killed"), SWEEP, secondRunCheckpointed);
        Path finished = runFolders(runs, "fixture").stream()
                .filter(run -> KilledRuns.runJson(run).get("status").asText().equals("FINISHED")).findFirst().orElseThrow();
        byte[] finishedJournal = Files.readAllBytes(finished.resolve("metrics.jsonl"));

        CliHarness.Result resumed = child(temp.resolve("killed"), "run", temp.resolve("killed/fixture.yaml").toString(), "--runs-dir",
                runs.toString(), "--resume");
        assertThat(resumed.exitCode()).as(resumed.out()).isZero();
        assertThat(resumed.out()).contains("1 not started, 1 finished, 1 resumable").contains("resumes after step ");
        assertThat(Files.readAllBytes(finished.resolve("metrics.jsonl"))).isEqualTo(finishedJournal);
        assertThat(runFolders(runs, "fixture")).hasSize(3);
        assertThat(runFolders(runs, "fixture").stream().map(run -> KilledRuns.runJson(run).path("tags").path("minimax.sweepId").asText())
                .distinct()).hasSize(1);
        assertThat(valuesByRun(runs, "fixture")).isEqualTo(valuesByRun(reference, "fixture"));

        CliHarness.Result again = child(temp.resolve("killed"), "run", temp.resolve("killed/fixture.yaml").toString(), "--runs-dir",
                runs.toString(), "--resume");
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out()).contains("3 finished");
        assertThat(runFolders(runs, "fixture")).hasSize(3);
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
        Path run = runFolders(KilledRuns.run(temp, PLAIN.replace("steps: 800", "steps: 200"), KilledRuns.NEVER), "fixture").get(0);
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
        Path reference = runFolders(KilledRuns.run(temp.resolve("reference"), PLAIN, KilledRuns.NEVER), "fixture").get(0);
        Path run = runFolders(KilledRuns.run(temp.resolve("killed"), PLAIN, KilledRuns.NEVER), "fixture").get(0);
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
        Path reference = runFolders(KilledRuns.run(temp.resolve("reference"), descriptor, KilledRuns.NEVER), "fixture").get(0);
        assertThat(CliHarness.runJson(reference).get("status").asText()).isEqualTo("FINISHED");
        long lines = CliHarness.metrics(reference).size();
        for (long seed : seeds) {
            long killAt = lines / 10 + new Random(seed).nextLong(lines * 7 / 10);
            Path runs = KilledRuns.run(temp.resolve("killed-" + seed), descriptor, afterLines("fixture", killAt));
            Path run = runFolders(runs, "fixture").get(0);
            assertThat(CliHarness.runJson(run).get("status").asText()).as("killed at line " + killAt).isEqualTo("RUNNING");
            CliHarness.Result resumed = child(temp, "resume", run.toString());
            assertThat(resumed.exitCode()).as(resumed.out()).isZero();
            assertThat(CliHarness.runJson(run).get("status").asText()).isEqualTo("FINISHED");
            assertSameRun(run, reference);
        }
    }

    /** A lockstep sweep killed at random points and taken up with {@code minimax run --resume}: every lane as uninterrupted. */
    private static void checkSweepKillAndResume(Path temp, String descriptor, int runCount, long[] seeds)
            throws Exception
    {
        Path reference = KilledRuns.run(temp.resolve("reference"), descriptor, KilledRuns.NEVER);
        Map<String, List<String>> expected = valuesByRun(reference, "fixture");
        assertThat(expected).hasSize(runCount);
        long lines = expected.values().stream().mapToLong(List::size).sum();
        for (long seed : seeds) {
            long killAt = lines / 10 + new Random(seed).nextLong(lines * 7 / 10);
            Path folder = temp.resolve("killed-" + seed);
            Path runs = KilledRuns.run(folder, descriptor, afterLines("fixture", killAt));
            CliHarness.Result resumed = child(folder, "run", folder.resolve("fixture.yaml").toString(), "--runs-dir", runs.toString(),
                    "--resume");
            assertThat(resumed.exitCode()).as(resumed.out()).isZero();
            assertThat(valuesByRun(runs, "fixture")).as("killed at line " + killAt).isEqualTo(expected);
            for (Path run : runFolders(runs, "fixture")) {
                String name = CliHarness.runJson(run).get("name").asText();
                Path same = runFolders(reference, "fixture").stream()
                        .filter(each -> KilledRuns.runJson(each).get("name").asText().equals(name)).findFirst().orElseThrow();
                assertSameRun(run, same);
            }
        }
    }

    private static void assertSameRun(Path run, Path reference)
            throws IOException
    {
        assertThat(CliHarness.runJson(run).get("status").asText()).isEqualTo("FINISHED");
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
        // an image run's grids show G at one z drawn from the seed alone: the resumed run's are the uninterrupted run's
        if (Files.exists(reference.resolve("artifacts").resolve(SampleEvaluation.REAL_GRID))) {
            List<String> grids = grids(reference);
            assertThat(grids).hasSizeGreaterThanOrEqualTo(4);
            assertThat(grids(run)).isEqualTo(grids);
            for (String grid : grids) {
                assertThat(Files.readAllBytes(run.resolve("artifacts").resolve(grid))).as(grid)
                        .isEqualTo(Files.readAllBytes(reference.resolve("artifacts").resolve(grid)));
            }
        }
        assertThat(Files.exists(reference.resolve("artifacts/samples-final.csv"))
                || Files.exists(reference.resolve("artifacts/frechet-distance-real-covariance.npy"))).isTrue();
    }

    private static List<String> grids(Path run)
            throws IOException
    {
        try (Stream<Path> files = Files.list(run.resolve("artifacts"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("samples-step-\\d+\\.png")).sorted()
                    .toList();
        }
    }

    private static boolean hasCheckpoint(Path run)
    {
        try {
            return !checkpoints(run).isEmpty();
        }
        catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
