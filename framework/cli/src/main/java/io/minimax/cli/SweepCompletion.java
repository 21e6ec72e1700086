package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.journal.RunLiveness;
import io.minimax.core.journal.RunMirrors;
import io.minimax.core.sweep.SweepFolder;
import io.minimax.core.sweep.SweepPlan;
import io.minimax.core.sweep.SweepProgress;
import io.minimax.core.sweep.TaskLock;
import io.minimax.plugins.mlflow.JournalRun;
import io.minimax.plugins.mlflow.MlflowSync;
import io.minimax.plugins.mlflow.SyncReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The end of a planned sweep in MLflow: each task ends only its own runs, so the task that finds every task ended
 * brings the parent run up to date from the journals (its statistics over seeds and its status), with {@code minimax
 * sync}'s replay, which also sends what a resumed run added since it was streamed. The sweep's lock makes tasks that
 * end together do this one after the other; a second replay sends nothing.
 */
final class SweepCompletion
{
    private SweepCompletion() {}

    // the lock is held for the block, not used in it
    @SuppressWarnings("try")
    static void afterTask(Path runsDirectory, SweepFolder folder, SweepPlan sweep, ExperimentPlan plan, PrintWriter out, PrintWriter err)
    {
        Optional<String> uri = trackingUri(plan);
        if (uri.isEmpty() || !plan.isSweep()) {
            return;
        }
        try (TaskLock lock = TaskLock.acquire(folder.sweepLock())) {
            SweepProgress progress = SweepProgress.read(runsDirectory, sweep, RunLiveness.here());
            if (!progress.ended()) {
                return;
            }
            MlflowSync sync = MlflowSync.connect(uri.get(), System.getenv());
            Set<String> planned = sweep.tasks().stream().flatMap(task -> task.runIds().stream()).collect(Collectors.toSet());
            List<JournalRun> runs = JournalRuns.read(runsDirectory, Optional.of(sweep.experiment()), sync.store()).runs().stream()
                    .filter(run -> planned.contains(run.info().id()))
                    .toList();
            List<SyncReport> reports = sync.sync(runs,
                    report -> report.mirror().ifPresent(mirror -> RunMirrors.remember(report.run().info().directory(), mirror)));
            long notSent = reports.stream().filter(report -> report.problem().isPresent()).count();
            out.println("Sweep " + sweep.sweepId() + ": every task has ended; its MLflow parent run is up to date"
                    + (notSent == 0 ? "" : " except " + notSent + " runs (minimax sync --tracking-uri " + uri.get() + " sends them)"));
        }
        catch (RuntimeException e) {
            // the task's own runs are journaled and streamed; only the parent's summary waits for a later sync
            err.println("warning: sweep " + sweep.sweepId() + ": the MLflow parent run was not brought up to date (" + e.getMessage()
                    + "); minimax sync --tracking-uri " + uri.get() + " does it");
        }
    }

    /** The MLflow server the plan's runs stream to, if any. */
    static Optional<String> trackingUri(ExperimentPlan plan)
    {
        Map<String, String> params = plan.runs().get(0).params();
        return "mlflow".equals(params.get("tracking.type")) ? Optional.ofNullable(params.get("tracking.uri")) : Optional.empty();
    }
}
