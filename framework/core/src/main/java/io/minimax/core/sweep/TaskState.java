package io.minimax.core.sweep;

import io.minimax.core.journal.JournaledRun;
import io.minimax.core.journal.RunLiveness;
import io.minimax.spi.tracking.RunStatus;

import java.util.List;
import java.util.Optional;

/**
 * Where a task of a planned sweep stands, from its runs' journals: PENDING before its runs exist, RUNNING while one
 * runs, CRASHED when one's process is gone (see {@link RunLiveness}), else FAILED or KILLED when one ended so, else
 * FINISHED.
 */
public enum TaskState
{
    PENDING, RUNNING, CRASHED, FAILED, KILLED, FINISHED;

    /** @param runs the task's runs in plan order, empty where a run's journal does not exist yet */
    public static TaskState of(List<Optional<JournaledRun>> runs, RunLiveness liveness)
    {
        if (runs.stream().allMatch(Optional::isEmpty)) {
            return PENDING;
        }
        List<JournaledRun> started = runs.stream().flatMap(Optional::stream).toList();
        if (started.stream().anyMatch(run -> run.status() == RunStatus.RUNNING && liveness.crashed(run).isEmpty())) {
            return RUNNING;
        }
        if (started.stream().anyMatch(run -> liveness.crashed(run).isPresent())) {
            return CRASHED;
        }
        if (started.stream().anyMatch(run -> run.status() == RunStatus.FAILED)) {
            return FAILED;
        }
        if (started.stream().anyMatch(run -> run.status() == RunStatus.KILLED)) {
            return KILLED;
        }
        return started.size() == runs.size() ? FINISHED : PENDING;
    }

    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
