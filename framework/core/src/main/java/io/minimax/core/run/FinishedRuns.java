package io.minimax.core.run;

import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.TrainingResult;
import io.minimax.core.journal.JournalReader;
import io.minimax.core.journal.JournaledRun;
import io.minimax.core.journal.RunMirrors;
import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outcome of a run that a resumed attempt finds FINISHED, as its journal records it, for the end-of-run table. */
final class FinishedRuns
{
    private FinishedRuns() {}

    static RunOutcome outcome(RunPlan plan, JournaledRun run)
    {
        Map<String, Double> lastValues = new LinkedHashMap<>();
        for (MetricPoint point : new JournalReader(run.directory().getParent().getParent()).metrics(run.directory()).points()) {
            lastValues.put(point.key(), point.value());
        }
        return new RunOutcome(plan, new RunInfo(run.id(), run.name(), run.experiment(), run.directory(), run.startTime()),
                new TrainingResult(RunStatus.FINISHED, plan.spec().train().steps(), lastValues, Optional.empty()),
                List.copyOf(RunMirrors.read(run.directory()).values()));
    }
}
