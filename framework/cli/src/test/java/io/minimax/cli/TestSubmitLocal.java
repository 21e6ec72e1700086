package io.minimax.cli;

import io.minimax.core.sweep.SweepFolder;
import io.minimax.core.sweep.SweepPlan;
import io.minimax.core.sweep.TaskLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code minimax submit --launcher local}: the sweep planned as tasks and run here computes what {@code minimax run}
 * computes; a task run again does nothing; the script a cluster would get; the refusals, one line each, exit 2.
 */
class TestSubmitLocal
{
    static final String SWEEP = """
            name: cluster-sweep
            train: { steps: 200, batchSize: 16, logEvery: 10, evalEvery: 100 }
            data: { type: ring, modes: 8, radius: 1.0, std: 0.02 }
            prior: { type: gaussian, dim: 4 }
            loss: { type: non-saturating }
            generator: { type: mlp, hidden: [16, 16], activation: relu }
            discriminator: { type: mlp, hidden: [16, 16], activation: leaky-relu, leak: 0.2 }
            optimizer:
              generator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
            sweep:
              loss.type: [minimax, non-saturating]
              seed: [1, 2]
            """;

    @Test
    void aSweepSubmittedLocallyComputesWhatMinimaxRunComputesAndATaskRunAgainDoesNothing(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "sweep.yaml", SWEEP);
        Path runs = temp.resolve("runs");
        CliHarness.Result submitted = minimax("submit", descriptor.toString(), "--launcher", "local", "--runs-dir", runs.toString());
        assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isZero();
        CliHarness.Result reference = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("reference").toString());
        assertThat(reference.exitCode()).isZero();

        assertThat(SweepJournals.statuses(runs, "cluster-sweep")).hasSize(4)
                .allSatisfy((name, status) -> assertThat(status).isEqualTo("FINISHED"));
        assertThat(SweepJournals.values(runs, "cluster-sweep")).isEqualTo(SweepJournals.values(temp.resolve("reference"), "cluster-sweep"));

        String sweepId = SweepJournals.onlySweepId(runs);
        CliHarness.Result listed = minimax("sweeps", "--runs-dir", runs.toString());
        assertThat(listed.out()).contains("Sweep " + sweepId + " (cluster-sweep, 4 tasks").contains("4 finished");

        Map<String, List<String>> before = SweepJournals.values(runs, "cluster-sweep");
        CliHarness.Result again = minimax("run", descriptor.toString(), "--runs-dir", runs.toString(), "--sweep", sweepId, "--task", "2");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("task 2 of 4").contains("1 FINISHED already");
        assertThat(SweepJournals.values(runs, "cluster-sweep")).isEqualTo(before);
        assertThat(CliHarness.runDirectories(runs, "cluster-sweep")).hasSize(4);
    }

    @Test
    void aLockstepTaskKilledAfterItsFirstCheckpointIsResumedByResubmittingAndComputesWhatItComputesUninterrupted(@TempDir Path temp)
            throws Exception
    {
        String sweep = SWEEP.replace("name: cluster-sweep", "name: lockstep-killed")
                .replace("train: { steps: 200, batchSize: 16, logEvery: 10, evalEvery: 100 }",
                        "train: { steps: 1500, batchSize: 16, logEvery: 1, evalEvery: 750, checkpointEvery: 40, vectorizeSweep: true, "
                                + "threads: 1 }")
                .replace("loss.type: [minimax, non-saturating]", "loss.type: [minimax]")
                .replace("seed: [1, 2]", "seed: [1, 2, 3]");
        Path reference = temp.resolve("reference");
        Path referenceFile = write(temp, "reference.yaml", sweep);
        CliHarness.Result uninterrupted = minimax("run", referenceFile.toString(), "--runs-dir", reference.toString());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.out() + uninterrupted.err()).isZero();
        Map<String, List<String>> expected = SweepJournals.values(reference, "lockstep-killed");
        assertThat(expected).hasSize(3);
        long lines = expected.values().stream().mapToLong(List::size).sum();

        Path folder = temp.resolve("killed");
        Path descriptor = write(Files.createDirectories(folder), "fixture.yaml", sweep);
        Path runs = folder.resolve("runs");
        CliHarness.Result planned = minimax("submit", descriptor.toString(), "--launcher", "none", "--runs-dir", runs.toString());
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        String sweepId = SweepJournals.onlySweepId(runs);
        SweepPlan plan = SweepFolder.of(runs, sweepId).read();
        assertThat(plan.tasks()).hasSize(1);
        List<Path> group = plan.task(0).runIds().stream().map(id -> runs.resolve("lockstep-killed").resolve(id)).toList();
        KilledRuns.run(folder, sweep, KilledRuns.afterLines("lockstep-killed", lines * 2 / 5), "--sweep", sweepId, "--task", "0");
        Map<Path, String> firstLines = new HashMap<>();
        for (Path run : group) {
            assertThat(CliHarness.runJson(run).get("status").asText()).isEqualTo("RUNNING");
            assertThat(SweepJournals.values(run).size()).as("journaled before the kill").isLessThan((int) (lines / 3));
            firstLines.put(run, Files.readAllLines(run.resolve("metrics.jsonl")).get(0));
        }

        CliHarness.Result resumed = minimax("submit", "--resume", sweepId, "--launcher", "local", "--runs-dir", runs.toString());
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        for (Path run : group) {
            assertThat(resumed.out()).containsPattern("Resuming run " + run.getFileName() + " \\(loss=minimax seed=[123]\\) "
                    + "after step [1-9]");
        }
        assertThat(resumed.out()).doesNotContain("trains again from step 0", "starts over");
        assertThat(SweepJournals.statuses(runs, "lockstep-killed")).hasSize(3).allSatisfy((name, status) -> assertThat(status)
                .isEqualTo("FINISHED"));
        assertThat(CliHarness.runDirectories(runs, "lockstep-killed")).hasSize(3);
        assertThat(SweepJournals.values(runs, "lockstep-killed")).isEqualTo(expected);
        for (Path run : group) {
            // taken up, not started over: what was journaled before the kill is still there, its timestamps included
            assertThat(Files.readAllLines(run.resolve("metrics.jsonl")).get(0)).isEqualTo(firstLines.get(run));
        }

        CliHarness.Result again = minimax("run", descriptor.toString(), "--runs-dir", runs.toString(), "--sweep", sweepId, "--task", "0");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("3 runs, 3 FINISHED already");
        assertThat(SweepJournals.values(runs, "lockstep-killed")).isEqualTo(expected);
    }

    @Test
    void theDryRunPrintsTheSbatchScriptAndWritesNothing(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "sweep.yaml", SWEEP);
        Path runs = temp.resolve("runs");
        CliHarness.Result dryRun = minimax("submit", descriptor.toString(), "--dry-run", "--runs-dir", runs.toString(), "--parallel", "2",
                "--sbatch-option", "partition=cpu", "--sbatch-option", "time=00:10:00");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).startsWith("#!/bin/bash\n")
                .contains("#SBATCH --array=0-3%2\n", "#SBATCH --cpus-per-task=1\n", "#SBATCH --partition=cpu\n",
                        "#SBATCH --time=00:10:00\n", "export OMP_NUM_THREADS=1\n", "--sweep ", "--task \"$SLURM_ARRAY_TASK_ID\"");
        assertThat(runs).doesNotExist();
    }

    @Test
    // the lock is held for the block, not used in it
    @SuppressWarnings("try")
    void aPlanWithoutALauncherRunsTaskByTaskAndATaskAnotherProcessHoldsIsNotRunTwice(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "sweep.yaml", SWEEP.replace("steps: 200", "steps: 20"));
        Path runs = temp.resolve("runs");
        CliHarness.Result planned = minimax("submit", descriptor.toString(), "--launcher", "none", "--runs-dir", runs.toString());
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        String sweepId = SweepJournals.onlySweepId(runs);
        assertThat(planned.out()).contains("Sweep " + sweepId + ": 4 runs of cluster-sweep as 4 tasks",
                "--sweep " + sweepId + " --task I");
        assertThat(runs.resolve("cluster-sweep")).doesNotExist();
        try (TaskLock lock = TaskLock.tryAcquire(SweepFolder.of(runs, sweepId).taskLock(1)).orElseThrow()) {
            CliHarness.Result refused = minimax("run", descriptor.toString(), "--runs-dir", runs.toString(), "--sweep", sweepId,
                    "--task", "1");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err().strip()).startsWith("minimax: task 1 of sweep " + sweepId + " is being run by process ")
                    .doesNotContain("\n");
        }
        CliHarness.Result task = minimax("run", descriptor.toString(), "--runs-dir", runs.toString(), "--sweep", sweepId, "--task", "1");
        assertThat(task.exitCode()).as(task.err()).isZero();
        assertThat(SweepJournals.statuses(runs, "cluster-sweep")).containsExactly(Map.entry("loss=minimax seed=2", "FINISHED"));
        CliHarness.Result resume = minimax("submit", "--resume", sweepId, "--launcher", "none", "--runs-dir", runs.toString());
        assertThat(resume.out()).contains("tasks not FINISHED: 0,2-3");
    }

    @Test
    void badInputIsOneLineAndExitCode2(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "sweep.yaml", SWEEP.replace("steps: 200", "steps: 20"));
        Path runs = temp.resolve("runs");
        assertOneLine(minimax("submit", descriptor.toString(), "--dry-run", "--sbatch-option", "=cpu"), "--sbatch-option '=cpu'");
        assertOneLine(minimax("submit", descriptor.toString(), "--dry-run", "--sbatch-option", "array=0-9"), "--parallel N");
        assertOneLine(minimax("submit", descriptor.toString(), "--dry-run", "--parallel", "0"), "--parallel 0");
        assertOneLine(minimax("submit", "--resume", "0123", "--launcher", "local", "--runs-dir", runs.toString()), "no sweep 0123");

        String sweepId = planned(descriptor, runs);
        assertOneLine(minimax("run", descriptor.toString(), "--runs-dir", runs.toString(), "--sweep", sweepId, "--task", "9"),
                "has tasks 0 to 3, not 9");
        assertOneLine(minimax("run", descriptor.toString(), "--runs-dir", runs.toString(), "--sweep", sweepId), "--sweep and --task");
        Files.writeString(descriptor, SWEEP.replace("steps: 200", "steps: 21"));
        assertOneLine(minimax("run", descriptor.toString(), "--runs-dir", runs.toString(), "--sweep", sweepId, "--task", "0"),
                "changed since sweep " + sweepId + " was planned");
    }

    /** A sweep planned and run locally with its tasks' runs (20 steps), for the tests that need a plan. */
    private static String planned(Path descriptor, Path runs)
            throws Exception
    {
        CliHarness.Result submitted = minimax("submit", descriptor.toString(), "--launcher", "local", "--runs-dir", runs.toString());
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        return SweepJournals.onlySweepId(runs);
    }

    private static void assertOneLine(CliHarness.Result result, String expected)
    {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err().strip()).contains(expected).doesNotContain("\n");
    }
}
