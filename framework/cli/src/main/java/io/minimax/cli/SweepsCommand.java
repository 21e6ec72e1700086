package io.minimax.cli;

import io.minimax.core.checkpoint.CheckpointFiles;
import io.minimax.core.journal.JournaledRun;
import io.minimax.core.journal.RunLiveness;
import io.minimax.core.sweep.SweepFolder;
import io.minimax.core.sweep.SweepPlan;
import io.minimax.core.sweep.SweepProgress;
import io.minimax.core.sweep.TaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "sweeps",
        description = "List planned sweeps (minimax submit) with the state of each task, from the journals and the scheduler.")
final class SweepsCommand
        implements Callable<Integer>
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run journals and sweep plans are (default: ${DEFAULT-VALUE}).")
    Path runsDirectory;

    @Option(names = "--sweep", paramLabel = "SWEEP_ID", description = "Only this sweep.")
    String sweepId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(runsDirectory)) {
            throw new InvalidInputException("no runs folder at " + runsDirectory.toAbsolutePath() + " (pass --runs-dir)");
        }
        List<SweepFolder> folders = SweepFolder.all(runsDirectory).stream()
                .filter(folder -> sweepId == null || folder.sweepId().equals(sweepId))
                .toList();
        if (folders.isEmpty()) {
            out.println(sweepId == null ? "no sweeps planned under " + runsDirectory.toAbsolutePath() + " (minimax submit plans them)"
                    : "no sweep " + sweepId + " under " + runsDirectory.toAbsolutePath());
            out.flush();
            return sweepId == null ? Main.SUCCESS : Main.INVALID_INPUT;
        }
        RunLiveness liveness = RunLiveness.here();
        List<String> warnings = new ArrayList<>();
        for (SweepFolder folder : folders) {
            SweepPlan sweep;
            try {
                sweep = folder.read();
            }
            catch (IllegalArgumentException e) {
                warnings.add(e.getMessage());
                continue;
            }
            SweepProgress progress = SweepProgress.read(runsDirectory, sweep, liveness);
            warnings.addAll(progress.warnings());
            List<SlurmSubmissions.Submission> submissions = SlurmSubmissions.read(folder);
            print(out, sweep, progress, submissions, schedulerStates(submissions));
        }
        warnings.stream().distinct().forEach(warning -> spec.commandLine().getErr().println("warning: " + warning));
        out.flush();
        return Main.SUCCESS;
    }

    private static void print(PrintWriter out, SweepPlan sweep, SweepProgress progress, List<SlurmSubmissions.Submission> submissions,
            Map<Integer, String> scheduler)
    {
        String counts = java.util.Arrays.stream(TaskState.values())
                .filter(state -> progress.count(state) > 0)
                .map(state -> progress.count(state) + " " + state.label())
                .collect(Collectors.joining(", "));
        String jobs = submissions.isEmpty() ? "" : "; Slurm job" + (submissions.size() == 1 ? " " : "s ")
                + submissions.stream().map(SlurmSubmissions.Submission::jobId).collect(Collectors.joining(", "));
        out.println("Sweep " + sweep.sweepId() + " (" + sweep.experiment() + ", " + sweep.tasks().size() + " tasks, planned "
                + TIME.format(Instant.ofEpochMilli(sweep.createdAt())) + " UTC): " + counts + jobs);
        List<String> header = new ArrayList<>(List.of("task", "runs", "state", "checkpoint", "process"));
        if (!scheduler.isEmpty()) {
            header.add("slurm");
        }
        TextTable table = new TextTable(header);
        for (SweepPlan.Task task : sweep.tasks()) {
            List<Optional<JournaledRun>> runs = progress.runs().get(task.index());
            List<String> row = new ArrayList<>(List.of(Integer.toString(task.index()),
                    task.runs().stream().map(SweepPlan.PlannedRun::name).collect(Collectors.joining(", ")),
                    progress.states().get(task.index()).label(), checkpoints(runs), processes(runs)));
            if (!scheduler.isEmpty()) {
                row.add(scheduler.getOrDefault(task.index(), "-"));
            }
            table.row(row);
        }
        table.print(out);
        long unfinished = sweep.tasks().size() - progress.count(TaskState.FINISHED) - progress.count(TaskState.RUNNING)
                - progress.count(TaskState.PENDING);
        if (unfinished > 0) {
            out.println("  " + unfinished + " task" + (unfinished == 1 ? "" : "s") + " ended unfinished: minimax submit --resume "
                    + sweep.sweepId() + " submits them again (a run with a checkpoint resumes from it)");
        }
    }

    /** The latest checkpoint step of each run that has one. */
    private static String checkpoints(List<Optional<JournaledRun>> runs)
    {
        String steps = runs.stream().flatMap(Optional::stream)
                .map(run -> CheckpointFiles.latestStep(run.directory()))
                .filter(OptionalLong::isPresent)
                .map(step -> Long.toString(step.getAsLong()))
                .collect(Collectors.joining(","));
        return steps.isEmpty() ? "-" : steps;
    }

    /** Where the task's runs were written from: host and pid, as their journals record it. */
    private static String processes(List<Optional<JournaledRun>> runs)
    {
        String processes = runs.stream().flatMap(Optional::stream).flatMap(run -> run.process().stream())
                .map(process -> process.host() + ":" + process.pid())
                .distinct()
                .collect(Collectors.joining(","));
        return processes.isEmpty() ? "-" : processes;
    }

    /** Each task's state in the scheduler's latest submission of it; empty without Slurm's commands. */
    static Map<Integer, String> schedulerStates(List<SlurmSubmissions.Submission> submissions)
    {
        Map<String, Map<Integer, String>> byJob = Slurm.states(SubmitCommand.jobIds(submissions));
        Map<Integer, String> states = new HashMap<>();
        for (SlurmSubmissions.Submission submission : submissions) {
            Map<Integer, String> job = byJob.getOrDefault(submission.jobId(), Map.of());
            for (int task : submission.tasks()) {
                String state = job.get(task);
                if (state != null) {
                    states.put(task, state + " (job " + submission.jobId() + ")");
                }
                else {
                    states.remove(task);
                }
            }
        }
        return states;
    }
}
