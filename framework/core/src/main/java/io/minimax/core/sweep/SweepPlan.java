package io.minimax.core.sweep;

import io.minimax.core.checkpoint.CheckpointFiles;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.run.RunIds;
import io.minimax.core.run.SweepPlanner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A sweep cut into tasks with stable indices, written once into the runs folder ({@link SweepFolder}) before any task
 * starts: the contract between {@code minimax submit} and the processes a scheduler starts, wherever they run. Task
 * {@code i} trains the runs listed under it (one run, or one lockstep group with {@code train.vectorizeSweep}), each
 * in the run folder named here, so that running a task again finds its runs again.
 *
 * @param descriptor the descriptor file, as an absolute path every task can read
 * @param overrides the {@code --set} overrides every task applies, the tracking server and lockstep threads included
 * @param pluginDirectory {@code --plugins}, or null (the JSON holds plain values)
 */
public record SweepPlan(int format, String sweepId, String experiment, String descriptor, List<String> overrides,
        String pluginDirectory, long createdAt, List<Task> tasks)
{
    public static final int FORMAT = 1;

    /** @param index the task's index, its position in {@link #tasks} */
    public record Task(int index, List<PlannedRun> runs)
    {
        public Task
        {
            runs = List.copyOf(runs);
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("task " + index + " has no runs");
            }
        }

        public List<Integer> positions()
        {
            return runs.stream().map(PlannedRun::position).toList();
        }

        public List<String> runIds()
        {
            return runs.stream().map(PlannedRun::runId).toList();
        }
    }

    /**
     * @param position the run's position in the descriptor's plan
     * @param descriptorSha256 of the run's resolved descriptor: a task refuses a descriptor that no longer expands to it
     */
    public record PlannedRun(int position, String name, String runId, String descriptorSha256)
    {
        public PlannedRun
        {
            requireNonNull(name, "name is null");
            requireNonNull(runId, "runId is null");
            requireNonNull(descriptorSha256, "descriptorSha256 is null");
        }
    }

    public SweepPlan
    {
        requireNonNull(sweepId, "sweepId is null");
        requireNonNull(experiment, "experiment is null");
        requireNonNull(descriptor, "descriptor is null");
        overrides = List.copyOf(overrides);
        tasks = List.copyOf(tasks);
        for (int index = 0; index < tasks.size(); index++) {
            if (tasks.get(index).index() != index) {
                throw new IllegalArgumentException("task " + index + " is listed with index " + tasks.get(index).index());
            }
        }
    }

    /** One task per run, or per lockstep group, in the order {@code minimax run} trains them; fresh run ids. */
    public static SweepPlan of(ExperimentPlan plan, String descriptor, List<String> overrides, Optional<String> pluginDirectory, long now)
    {
        List<Task> tasks = new ArrayList<>();
        for (List<Integer> group : SweepPlanner.groups(plan)) {
            List<PlannedRun> runs = group.stream()
                    .map(position -> new PlannedRun(position, plan.runs().get(position).runName(), RunIds.next(),
                            sha256(plan.runs().get(position))))
                    .toList();
            tasks.add(new Task(tasks.size(), runs));
        }
        return new SweepPlan(FORMAT, RunIds.next(), plan.name(), descriptor, overrides, pluginDirectory.orElse(null), now, tasks);
    }

    /** {@code --plugins}, when the sweep was submitted with it. */
    public Optional<String> plugins()
    {
        return Optional.ofNullable(pluginDirectory);
    }

    public Task task(int index)
    {
        if (index < 0 || index >= tasks.size()) {
            throw new IllegalArgumentException("sweep " + sweepId + " has tasks 0 to " + (tasks.size() - 1) + ", not " + index);
        }
        return tasks.get(index);
    }

    public int runCount()
    {
        return tasks.stream().mapToInt(task -> task.runs().size()).sum();
    }

    /**
     * Checks that the descriptor, loaded again by a task, still expands to the runs planned.
     *
     * @throws IllegalArgumentException naming the first run that differs
     */
    public void check(ExperimentPlan loaded)
    {
        for (Task task : tasks) {
            for (PlannedRun run : task.runs()) {
                boolean same = run.position() < loaded.runs().size()
                        && sha256(loaded.runs().get(run.position())).equals(run.descriptorSha256());
                if (!same) {
                    throw new IllegalArgumentException("the descriptor " + descriptor + " changed since sweep " + sweepId
                            + " was planned (run '" + run.name() + "' differs); submit it again as a new sweep");
                }
            }
        }
    }

    private static String sha256(RunPlan run)
    {
        return CheckpointFiles.sha256(run.resolvedYaml().getBytes(StandardCharsets.UTF_8));
    }
}
