package io.minimax.core.sweep;

import io.minimax.core.journal.JournalReader;
import io.minimax.core.journal.JournaledRun;
import io.minimax.core.journal.RunListing;
import io.minimax.core.journal.RunLiveness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A planned sweep's tasks as their journals show them.
 *
 * @param runs per task, its runs in plan order, empty where a run's journal does not exist yet
 * @param warnings journals that could not be read
 */
public record SweepProgress(SweepPlan plan, List<List<Optional<JournaledRun>>> runs, List<TaskState> states, List<String> warnings)
{
    public SweepProgress
    {
        runs = List.copyOf(runs);
        states = List.copyOf(states);
        warnings = List.copyOf(warnings);
    }

    public static SweepProgress read(Path runsDirectory, SweepPlan plan, RunLiveness liveness)
    {
        RunListing listing = Files.isDirectory(runsDirectory.resolve(plan.experiment()))
                ? new JournalReader(runsDirectory).runs(plan.experiment())
                : new RunListing(List.of(), List.of());
        Map<String, JournaledRun> byId = listing.runs().stream()
                .collect(Collectors.toMap(JournaledRun::id, Function.identity(), (first, second) -> first));
        List<List<Optional<JournaledRun>>> runs = plan.tasks().stream()
                .map(task -> task.runs().stream().map(run -> Optional.ofNullable(byId.get(run.runId()))).toList())
                .toList();
        List<TaskState> states = runs.stream().map(taskRuns -> TaskState.of(taskRuns, liveness)).toList();
        return new SweepProgress(plan, runs, states, listing.warnings());
    }

    /** Every task has ended: none is pending or running. */
    public boolean ended()
    {
        return states.stream().noneMatch(state -> state == TaskState.PENDING || state == TaskState.RUNNING);
    }

    public long count(TaskState state)
    {
        return states.stream().filter(state::equals).count();
    }
}
