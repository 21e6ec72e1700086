package io.minimax.cli;

import io.minimax.core.journal.RunMirrors;
import io.minimax.plugins.mlflow.MlflowSync;
import io.minimax.plugins.mlflow.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "sync", description = "Send journaled runs to an MLflow server: only what it lacks, so syncing twice sends nothing twice.")
final class SyncCommand
        implements Callable<Integer>
{
    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run journals are (default: ${DEFAULT-VALUE}).")
    Path runsDirectory;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment's runs.")
    String experiment;

    @Mixin
    TrackingOption tracking;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        String uri = tracking.uri(System.getenv())
                .orElseThrow(() -> new InvalidInputException("no MLflow server to sync to: pass --tracking-uri URI or set "
                        + TrackingOption.ENVIRONMENT_VARIABLE));
        if (!Files.isDirectory(runsDirectory)) {
            throw new InvalidInputException("no runs folder at " + runsDirectory.toAbsolutePath()
                    + " (run an experiment first, or pass --runs-dir)");
        }
        MlflowSync sync = connect(uri);
        return sync(sync, runsDirectory, Optional.ofNullable(experiment), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    static MlflowSync connect(String uri)
    {
        try {
            return MlflowSync.connect(uri, System.getenv());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("--tracking-uri: " + e.getMessage());
        }
    }

    /** Syncs and remembers each run's MLflow id in its journal; {@link Main#RUN_FAILED} when a run could not be sent. */
    static int sync(MlflowSync sync, Path runsDirectory, Optional<String> experiment, PrintWriter out, PrintWriter err)
    {
        JournalRuns.Read journal = JournalRuns.read(runsDirectory, experiment, sync.store());
        journal.warnings().forEach(warning -> err.println("warning: " + warning));
        out.println("Syncing " + journal.runs().size() + " journaled run" + (journal.runs().size() == 1 ? "" : "s") + " to MLflow at "
                + sync.server());
        List<SyncReport> reports = sync.sync(journal.runs(), report -> {
            report.mirror().ifPresent(mirror -> RunMirrors.remember(report.run().info().directory(), mirror));
            out.println("  " + report.run().info().experiment() + " / " + report.run().info().name() + " ("
                    + report.run().info().id().substring(0, Math.min(8, report.run().info().id().length())) + "): " + describe(report));
            out.flush();
        });
        long created = reports.stream().filter(SyncReport::created).count();
        long notSent = reports.stream().filter(report -> report.problem().isPresent()).count();
        long upToDate = reports.stream().filter(SyncReport::upToDate).count();
        out.println("Synced: " + created + " created, " + (reports.size() - created - notSent - upToDate) + " completed, " + upToDate
                + " up to date, "
                + notSent + " not sent");
        out.flush();
        return notSent == 0 ? Main.SUCCESS : Main.RUN_FAILED;
    }

    private static String describe(SyncReport report)
    {
        if (report.problem().isPresent()) {
            return "not sent: " + report.problem().get();
        }
        if (report.upToDate()) {
            return "up to date";
        }
        return (report.created() ? "created, " : "") + report.metricsSent() + " metric values, " + report.paramsAndTagsSent()
                + " params and tags, "
                + report.artifactsSent() + " artifacts sent";
    }
}
