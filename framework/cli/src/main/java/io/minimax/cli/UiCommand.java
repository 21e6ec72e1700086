package io.minimax.cli;

import io.minimax.core.journal.JournalReader;
import io.minimax.core.journal.JournaledRun;
import io.minimax.core.journal.RunMirrors;
import io.minimax.core.run.SweepTags;
import io.minimax.plugins.mlflow.MlflowException;
import io.minimax.plugins.mlflow.MlflowSync;
import io.minimax.spi.tracking.MirroredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "ui", description = "Start a local MLflow server on the journaled runs and print where to compare them.")
final class UiCommand
        implements Callable<Integer>
{
    @Option(names = "--port", defaultValue = "5000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "mlflow",
            description = "MLflow's sqlite store and artifacts (default: ./${DEFAULT-VALUE}).")
    Path directory;

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run journals are (default: ${DEFAULT-VALUE}).")
    Path runsDirectory;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment's runs.")
    String experiment;

    @Option(names = "--mlflow", paramLabel = "PATH",
            description = "The mlflow executable (default: .venv/bin/mlflow here or beside the launcher, else on PATH).")
    Path mlflow;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> environment = System.getenv();
        String url = "http://127.0.0.1:" + port;
        if (MlflowServer.healthy(url)) {
            out.println("An MLflow server already answers at " + url + ": syncing into it.");
            syncAndShow(url, out, err);
            return Main.SUCCESS;
        }
        Optional<Path> executable = mlflow != null ? Optional.of(mlflow).filter(Files::isExecutable) : MlflowServer.executable(environment);
        if (executable.isEmpty()) {
            err.println("minimax: mlflow is not installed (looked in .venv/bin and on PATH). Install it with:");
            err.println("  " + MlflowServer.installCommand(environment));
            return Main.INVALID_INPUT;
        }
        out.println("Starting " + executable.get() + " server on " + url + " (store: " + directory.toAbsolutePath() + ")...");
        out.flush();
        try (MlflowServer server = MlflowServer.start(executable.get(), directory, port, Duration.ofSeconds(120))) {
            Thread stopOnInterrupt = new Thread(server::close, "minimax-ui-stop");
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            syncAndShow(server.url(), out, err);
            out.println("Ctrl-C stops the server.");
            out.flush();
            server.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
        }
        catch (InterruptedException e) {
            // stopped by the caller (tests interrupt the command's thread); the server is closed above
            Thread.currentThread().interrupt();
        }
        catch (IOException e) {
            err.println("minimax: " + e.getMessage());
            return Main.RUN_FAILED;
        }
        return Main.SUCCESS;
    }

    private void syncAndShow(String url, PrintWriter out, PrintWriter err)
    {
        MlflowSync sync = SyncCommand.connect(url);
        if (Files.isDirectory(runsDirectory)) {
            SyncCommand.sync(sync, runsDirectory, Optional.ofNullable(experiment), out, err);
        }
        else {
            out.println("No runs folder at " + runsDirectory.toAbsolutePath()
                    + " yet: 'minimax run' some experiments, then 'minimax sync --tracking-uri " + url + "'.");
        }
        out.println("MLflow UI: " + url);
        JournalReader reader = new JournalReader(runsDirectory);
        List<String> experiments = experiment != null ? List.of(experiment)
                : Files.isDirectory(runsDirectory) ? reader.experiments() : List.of();
        for (String name : experiments) {
            try {
                List<String> latest = latestRuns(reader, name, sync.store());
                out.println("  " + name + ": " + (latest.size() >= 2 ? sync.comparePage(name, latest) : sync.experimentPage(name)));
            }
            catch (MlflowException e) {
                err.println("minimax: " + e.getMessage());
            }
        }
        out.flush();
    }

    /** The MLflow ids of the runs of the experiment's latest sweep (or its latest run), as remembered after the sync. */
    private static List<String> latestRuns(JournalReader reader, String experiment, String store)
    {
        List<JournaledRun> runs = reader.runs(experiment).runs();
        Optional<JournaledRun> last = runs.stream().max(Comparator.comparingLong(JournaledRun::startTime));
        if (last.isEmpty()) {
            return List.of();
        }
        Optional<String> sweepId = Optional.ofNullable(last.get().tags().get(SweepTags.SWEEP_ID));
        return runs.stream()
                .filter(run -> sweepId.isPresent() ? sweepId.get().equals(run.tags().get(SweepTags.SWEEP_ID)) : run == last.get())
                .flatMap(run -> RunMirrors.read(run.directory(), store).map(MirroredRun::runId).stream())
                .toList();
    }
}
