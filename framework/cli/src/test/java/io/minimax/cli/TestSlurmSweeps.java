package io.minimax.cli;

import io.minimax.core.journal.RunLiveness;
import io.minimax.core.sweep.SweepFolder;
import io.minimax.core.sweep.SweepPlan;
import io.minimax.core.sweep.SweepProgress;
import io.minimax.core.sweep.TaskState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sweeps handed to a real Slurm ({@link SlurmCluster}: slurmctld, slurmd and munged on loopback) with
 * {@code minimax submit}: each array element runs one task in a JVM of its own, journaling into the shared runs folder.
 */
@ExtendWith(MlflowTestServer.class)
class TestSlurmSweeps
{
    private static final Pattern JOB = Pattern.compile("submitted as Slurm job ([0-9]+)");
    private static SlurmCluster slurm;

    @BeforeAll
    static void startSlurm()
            throws Exception
    {
        slurm = SlurmCluster.start();
    }

    @AfterAll
    static void stopSlurm()
    {
        if (slurm != null) {
            slurm.close();
        }
    }

    @Test
    void aSweepOnSlurmEndsWithEveryRunFinishedUnderOneMlflowParentAndTheNumbersOfALocalRun(MlflowTestServer server, @TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "sweep.yaml", TestSubmitLocal.SWEEP.replace("name: cluster-sweep", "name: slurm-sweep"));
        Path runs = temp.resolve("runs");
        CliHarness.Result submitted = slurm.minimax(temp.resolve("submit.txt"), "submit", descriptor.toString(), "--runs-dir",
                runs.toString(), "--parallel", "2", "--tracking-uri", server.uri());
        assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isZero();
        String job = jobId(submitted);
        String sweepId = SweepJournals.onlySweepId(runs);
        assertThat(Files.readString(SweepFolder.of(runs, sweepId).file("sweep.sbatch"))).contains("#SBATCH --array=0-3%2\n");
        int mostRunning = awaitJob(job);
        assertThat(mostRunning).as("array elements running at once").isBetween(1, 2);

        assertThat(SweepJournals.statuses(runs, "slurm-sweep")).hasSize(4).allSatisfy((name, status) -> assertThat(status)
                .as(name + ": " + logs(runs, sweepId)).isEqualTo("FINISHED"));
        CliHarness.Result local = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("local").toString());
        assertThat(local.exitCode()).isZero();
        assertThat(SweepJournals.values(runs, "slurm-sweep")).isEqualTo(SweepJournals.values(temp.resolve("local"), "slurm-sweep"));

        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            List<Run> remote = mlflow.runs("slurm-sweep");
            List<Run> parents = remote.stream().filter(run -> "sweep".equals(MlflowReader.tags(run).get("minimax.role"))).toList();
            assertThat(parents).hasSize(1);
            String parentId = parents.get(0).getInfo().getRunId();
            assertThat(MlflowReader.tags(parents.get(0))).containsEntry("minimax.sweepId", sweepId);
            assertThat(remote).hasSize(5);
            assertThat(remote.stream().filter(run -> parentId.equals(MlflowReader.tags(run).get("mlflow.parentRunId"))))
                    .hasSize(4).allSatisfy(child -> assertThat(child.getInfo().getStatus().name()).isEqualTo("FINISHED"));
            // the task that ended last completed the parent from the journals: its status and the statistics over seeds
            Run parent = mlflow.run(parentId);
            assertThat(parent.getInfo().getStatus().name()).isEqualTo("FINISHED");
            assertThat(MlflowReader.latest(parent)).containsKey("loss_minimax/runs");
        }

        CliHarness.Result listed = slurm.minimax(temp.resolve("sweeps.txt"), "sweeps", "--runs-dir", runs.toString());
        assertThat(listed.out()).contains("Sweep " + sweepId + " (slurm-sweep, 4 tasks", "4 finished", "Slurm job " + job,
                "COMPLETED (job " + job + ")");
    }

    @Test
    void aCancelledTaskIsNotFinishedAndResubmittingResumesItFromItsCheckpoint(@TempDir Path temp)
            throws Exception
    {
        String sweep = TestSubmitLocal.SWEEP.replace("name: cluster-sweep", "name: cancelled-sweep")
                .replace("train: { steps: 200, batchSize: 16, logEvery: 10, evalEvery: 100 }",
                        "train: { steps: 4000, batchSize: 16, logEvery: 10, evalEvery: 2000, checkpointEvery: 100 }")
                .replace("loss.type: [minimax, non-saturating]", "loss.type: [minimax]");
        Path descriptor = write(temp, "sweep.yaml", sweep);
        Path runs = temp.resolve("runs");
        CliHarness.Result submitted = slurm.minimax(temp.resolve("submit.txt"), "submit", descriptor.toString(), "--runs-dir",
                runs.toString());
        assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isZero();
        String job = jobId(submitted);
        String sweepId = SweepJournals.onlySweepId(runs);
        SweepPlan plan = SweepFolder.of(runs, sweepId).read();
        Path cancelled = runs.resolve("cancelled-sweep").resolve(plan.task(1).runIds().get(0));
        awaitCheckpoint(cancelled, runs, sweepId);
        slurm.command("scancel", job + "_1");
        awaitJob(job);

        assertThat(CliHarness.runJson(cancelled).get("status").asText()).isEqualTo("KILLED");
        SweepProgress progress = SweepProgress.read(runs, plan, RunLiveness.here());
        assertThat(progress.states()).containsExactly(TaskState.FINISHED, TaskState.KILLED);
        CliHarness.Result listed = slurm.minimax(temp.resolve("sweeps.txt"), "sweeps", "--runs-dir", runs.toString());
        assertThat(listed.out()).contains("1 killed", "1 finished", "CANCELLED (job " + job + ")",
                "1 task ended unfinished: minimax submit --resume " + sweepId);
        List<String> finishedBefore = SweepJournals.values(runs.resolve("cancelled-sweep").resolve(plan.task(0).runIds().get(0)));

        CliHarness.Result resubmitted = slurm.minimax(temp.resolve("resubmit.txt"), "submit", "--resume", sweepId, "--runs-dir",
                runs.toString());
        assertThat(resubmitted.exitCode()).as(resubmitted.out() + resubmitted.err()).isZero();
        assertThat(resubmitted.out()).contains("1 of 2 tasks", "(array 1)");
        awaitJob(jobId(resubmitted));

        assertThat(logs(runs, sweepId)).contains("Resuming run " + cancelled.getFileName());
        assertThat(CliHarness.runJson(cancelled).get("status").asText()).isEqualTo("FINISHED");
        CliHarness.Result uninterrupted = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("local").toString());
        assertThat(uninterrupted.exitCode()).isZero();
        assertThat(SweepJournals.values(runs, "cancelled-sweep")).isEqualTo(SweepJournals.values(temp.resolve("local"), "cancelled-sweep"));
        assertThat(SweepJournals.values(runs.resolve("cancelled-sweep").resolve(plan.task(0).runIds().get(0)))).isEqualTo(finishedBefore);
    }

    @Test
    void aLockstepSweepIsSubmittedAsOneTaskPerGroup(@TempDir Path temp)
            throws Exception
    {
        String sweep = TestSubmitLocal.SWEEP.replace("name: cluster-sweep", "name: lockstep-sweep")
                .replace("evalEvery: 100 }", "evalEvery: 100, vectorizeSweep: true, threads: 1 }")
                .replace("loss.type: [minimax, non-saturating]", "train.batchSize: [16, 32]");
        Path descriptor = write(temp, "sweep.yaml", sweep);
        Path runs = temp.resolve("runs");
        CliHarness.Result submitted = slurm.minimax(temp.resolve("submit.txt"), "submit", descriptor.toString(), "--runs-dir",
                runs.toString());
        assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isZero();
        assertThat(submitted.out()).contains("2 of 2 tasks", "(array 0-1)");
        awaitJob(jobId(submitted));
        String sweepId = SweepJournals.onlySweepId(runs);
        SweepPlan plan = SweepFolder.of(runs, sweepId).read();
        assertThat(plan.tasks()).extracting(task -> task.runs().stream().map(SweepPlan.PlannedRun::name).toList()).containsExactly(
                List.of("batchSize=16 seed=1", "batchSize=16 seed=2"), List.of("batchSize=32 seed=1", "batchSize=32 seed=2"));

        assertThat(SweepJournals.statuses(runs, "lockstep-sweep")).hasSize(4).allSatisfy((name, status) -> assertThat(status)
                .as(name + ": " + logs(runs, sweepId)).isEqualTo("FINISHED"));
        for (SweepPlan.Task task : plan.tasks()) {
            // the runs of a group trained together, in one process
            assertThat(task.runIds().stream().map(id -> pid(runs.resolve("lockstep-sweep").resolve(id))).distinct()).hasSize(1);
        }
        CliHarness.Result local = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("local").toString());
        assertThat(local.exitCode()).isZero();
        assertThat(SweepJournals.values(runs, "lockstep-sweep")).isEqualTo(SweepJournals.values(temp.resolve("local"), "lockstep-sweep"));
    }

    @Test
    void aCancelledLockstepTaskIsResubmittedAndItsGroupResumesTogetherFromItsCheckpoint(@TempDir Path temp)
            throws Exception
    {
        String sweep = TestSubmitLocal.SWEEP.replace("name: cluster-sweep", "name: cancelled-lockstep")
                .replace("train: { steps: 200, batchSize: 16, logEvery: 10, evalEvery: 100 }",
                        "train: { steps: 4000, batchSize: 16, logEvery: 10, evalEvery: 2000, checkpointEvery: 100, vectorizeSweep: true, "
                                + "threads: 1 }")
                .replace("loss.type: [minimax, non-saturating]", "train.batchSize: [16, 32]");
        Path descriptor = write(temp, "sweep.yaml", sweep);
        Path runs = temp.resolve("runs");
        CliHarness.Result submitted = slurm.minimax(temp.resolve("submit.txt"), "submit", descriptor.toString(), "--runs-dir",
                runs.toString());
        assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isZero();
        String job = jobId(submitted);
        String sweepId = SweepJournals.onlySweepId(runs);
        SweepPlan plan = SweepFolder.of(runs, sweepId).read();
        List<Path> group = plan.task(1).runIds().stream().map(id -> runs.resolve("cancelled-lockstep").resolve(id)).toList();
        assertThat(group).hasSize(2);
        awaitCheckpoint(group.get(1), runs, sweepId);
        slurm.command("scancel", job + "_1");
        awaitJob(job);

        assertThat(group).allSatisfy(run -> assertThat(CliHarness.runJson(run).get("status").asText()).isEqualTo("KILLED"));
        assertThat(SweepProgress.read(runs, plan, RunLiveness.here()).states()).containsExactly(TaskState.FINISHED, TaskState.KILLED);
        Map<Path, String> firstLines = new HashMap<>();
        for (Path run : group) {
            firstLines.put(run, Files.readAllLines(run.resolve("metrics.jsonl")).get(0));
        }

        CliHarness.Result resubmitted = slurm.minimax(temp.resolve("resubmit.txt"), "submit", "--resume", sweepId, "--runs-dir",
                runs.toString());
        assertThat(resubmitted.exitCode()).as(resubmitted.out() + resubmitted.err()).isZero();
        assertThat(resubmitted.out()).contains("1 of 2 tasks", "(array 1)");
        awaitJob(jobId(resubmitted));

        String logs = logs(runs, sweepId);
        for (Path run : group) {
            assertThat(logs).containsPattern("Resuming run " + run.getFileName() + " \\(batchSize=32 seed=[12]\\) after step [1-9]");
            assertThat(CliHarness.runJson(run).get("status").asText()).as(logs).isEqualTo("FINISHED");
            // taken up, not started over: what was journaled before the cancel is still there, its timestamps included
            assertThat(Files.readAllLines(run.resolve("metrics.jsonl")).get(0)).isEqualTo(firstLines.get(run));
        }
        // the group trained on together, in the one process of its resubmitted task
        assertThat(group.stream().map(TestSlurmSweeps::pid).distinct()).hasSize(1);
        CliHarness.Result uninterrupted = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("local").toString());
        assertThat(uninterrupted.exitCode()).isZero();
        assertThat(SweepJournals.values(runs, "cancelled-lockstep"))
                .isEqualTo(SweepJournals.values(temp.resolve("local"), "cancelled-lockstep"));
    }

    @Test
    void aBadSbatchOptionOrNoSbatchIsOneLineAndExitCode2(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "sweep.yaml", TestSubmitLocal.SWEEP);
        Path runs = temp.resolve("runs");
        CliHarness.Result refused = slurm.minimax(temp.resolve("refused.txt"), "submit", descriptor.toString(), "--runs-dir",
                runs.toString(), "--sbatch-option", "no-such-option=1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).startsWith("minimax: sbatch refused the script ").contains("no-such-option")
                .doesNotContain("\n");
        assertThat(runs.resolve(".sweeps")).isEmptyDirectory();

        CliHarness.Result missing = slurm.minimax(temp.resolve("missing.txt"), Map.of("PATH", "/nonexistent"), "submit",
                descriptor.toString(), "--runs-dir", runs.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("minimax: submit --launcher slurm: no sbatch on PATH").doesNotContain("\n");
    }

    private static String jobId(CliHarness.Result submitted)
    {
        Matcher matcher = JOB.matcher(submitted.out());
        assertThat(matcher.find()).as(submitted.out()).isTrue();
        return matcher.group(1);
    }

    /** Waits until no element of the job is pending or running; returns the most that ran at once. */
    private static int awaitJob(String job)
            throws Exception
    {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int mostRunning = 0;
        while (System.nanoTime() < deadline) {
            List<String> states = slurm.command("squeue", "-h", "-r", "-j", job, "-o", "%T").lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            mostRunning = Math.max(mostRunning, (int) states.stream().filter("RUNNING"::equals).count());
            if (states.stream().noneMatch(state -> state.equals("PENDING") || state.equals("RUNNING") || state.equals("CONFIGURING")
                    || state.equals("COMPLETING"))) {
                return mostRunning;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Slurm job " + job + " did not end within 3 minutes: " + slurm.command("squeue", "-r"));
    }

    private static void awaitCheckpoint(Path run, Path runs, String sweepId)
            throws Exception
    {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Path checkpoints = run.resolve("checkpoints");
            if (Files.isDirectory(checkpoints)) {
                try (Stream<Path> saved = Files.list(checkpoints)) {
                    if (saved.anyMatch(folder -> folder.getFileName().toString().startsWith("step-"))) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint in " + run + ": " + logs(runs, sweepId));
    }

    private static long pid(Path run)
    {
        try {
            return CliHarness.runJson(run).get("process").get("pid").asLong();
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The array elements' output, for failure messages. */
    private static String logs(Path runs, String sweepId)
    {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(SweepFolder.of(runs, sweepId).directory())) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".out")).sorted().toList()) {
                logs.append("\n== ").append(file.getFileName()).append('\n').append(Files.readString(file));
            }
        }
        catch (java.io.IOException e) {
            logs.append(e);
        }
        return logs.toString();
    }
}
