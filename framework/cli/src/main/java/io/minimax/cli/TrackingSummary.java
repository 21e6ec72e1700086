package io.minimax.cli;

import io.minimax.core.run.RunOutcome;
import io.minimax.plugins.mlflow.MlflowTrackerSpec;
import io.minimax.spi.tracking.MirroredRun;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** After {@code minimax run}: where the runs were mirrored, and the command that completes what did not arrive. */
final class TrackingSummary
{
    private TrackingSummary() {}

    static void print(List<RunOutcome> outcomes, Path runsDirectory, PrintWriter out)
    {
        Map<String, int[]> byStore = new TreeMap<>();
        for (RunOutcome outcome : outcomes) {
            for (MirroredRun mirror : outcome.mirrors()) {
                int[] counts = byStore.computeIfAbsent(mirror.store(), store -> new int[2]);
                counts[0]++;
                counts[1] += mirror.complete() ? 0 : 1;
            }
        }
        byStore.forEach((store, counts) -> {
            String uri = store.substring(store.indexOf(' ') + 1);
            out.println("Tracking: " + counts[0] + " run" + (counts[0] == 1 ? "" : "s") + " in " + store
                    + (counts[1] == 0 ? "" : "; " + counts[1] + " incomplete there: minimax sync --runs-dir " + runsDirectory
                            + " --tracking-uri " + uri));
        });
        Map<String, Integer> unreached = new TreeMap<>();
        for (RunOutcome outcome : outcomes) {
            if (outcome.mirrors().isEmpty()) {
                outcome.plan().spec().tracking()
                        .filter(selection -> selection.spec() instanceof MlflowTrackerSpec)
                        .ifPresent(selection -> unreached.merge(((MlflowTrackerSpec) selection.spec()).trackingUri().toString(), 1,
                                Integer::sum));
            }
        }
        unreached.forEach((uri, count) -> out.println("Tracking: " + count + " run" + (count == 1 ? "" : "s") + " did not reach MLflow at "
                + uri
                + "; they are journaled: minimax sync --runs-dir " + runsDirectory + " --tracking-uri " + uri));
    }
}
