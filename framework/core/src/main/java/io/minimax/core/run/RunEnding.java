package io.minimax.core.run;

import io.minimax.spi.tracking.RunStatus;
import io.minimax.spi.tracking.Tracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** How a run, or a sweep as a whole, ended: what its trackers' {@code runEnded} is told. */
record RunEnding(RunStatus status, Optional<String> error)
{
    private static final Logger log = LoggerFactory.getLogger(RunEnding.class);

    RunEnding
    {
        requireNonNull(status, "status is null");
        requireNonNull(error, "error is null");
    }

    /** KILLED when stopped or not every run started, FAILED when a run failed (naming them), else FINISHED. */
    static RunEnding ofSweep(List<RunOutcome> outcomes, int plannedRuns, boolean stopped)
    {
        List<RunOutcome> failed = outcomes.stream().filter(outcome -> outcome.result().status() == RunStatus.FAILED).toList();
        if (!failed.isEmpty()) {
            return new RunEnding(RunStatus.FAILED, Optional.of(failed.size() + " of " + plannedRuns + " runs failed: "
                    + failed.stream().map(outcome -> outcome.plan().runName() + ": " + outcome.result().error().orElse("?"))
                            .collect(Collectors.joining("; "))));
        }
        boolean killed = stopped || outcomes.size() < plannedRuns
                || outcomes.stream().anyMatch(outcome -> outcome.result().status() == RunStatus.KILLED);
        if (killed) {
            return new RunEnding(RunStatus.KILLED, Optional.of("interrupted after " + outcomes.size() + " of " + plannedRuns + " runs"));
        }
        return new RunEnding(RunStatus.FINISHED, Optional.empty());
    }

    /** Tells the tracker, and closes it; a tracker that cannot is warned about, since the run itself is over. */
    void endQuietly(Tracker tracker)
    {
        try {
            tracker.runEnded(status, error);
            tracker.close();
        }
        catch (RuntimeException e) {
            log.warn("tracker {} could not end the run: {}", tracker.getClass().getSimpleName(), e.getMessage());
        }
    }
}
