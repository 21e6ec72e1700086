package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.run.ExperimentRunner;
import io.minimax.core.run.RunOutcome;
import io.minimax.core.run.RunTags;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static org.assertj.core.api.Assertions.assertThat;

/** The server goes away mid-run: training finishes on the journal, and minimax sync completes the mirror exactly once. */
@ExtendWith(MlflowTestServer.class)
class TestMlflowOffline
{
    @Test
    void serverGoneMidRunThenSyncSendsEveryPointOnce(MlflowTestServer server, @TempDir Path temp)
            throws Exception
    {
        Path runs = temp.resolve("runs");
        String descriptor = TestMlflowTracking.sweep("offline-run", 2000)
                .replace("sweep:\n  loss.type: [minimax, non-saturating]\n  seed: [1, 2]\n", "tracking: { type: mlflow, uri: '"
                        + server.uri() + "' }\n")
                .replace("evalEvery: 30", "evalEvery: 1000");
        PluginRegistry registry = PluginLoader.load(Optional.empty());
        ExperimentPlan plan = new DescriptorLoader(registry).parse(descriptor, "offline.yaml", false, List.of());
        TrainingListener stopServerAtStep500 = new TrainingListener()
        {
            @Override
            public void logged(long step, Map<String, Double> values)
            {
                if (step == 500) {
                    // the run is on the server and streaming: now take the server away, as a crash would
                    try (MlflowReader mlflow = new MlflowReader(server.uri())) {
                        awaitFirstMetrics(mlflow, "offline-run");
                    }
                    server.stop();
                }
            }
        };
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        List<RunOutcome> outcomes;
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            outcomes = new ExperimentRunner(registry, runs, new RunTags("test", Optional.empty(), "tester"),
                    (run, index, total) -> stopServerAtStep500, new StopSignal(), Clock.systemUTC()).run(plan);
        }
        finally {
            System.setErr(originalErr);
            server.start();
        }
        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.result().status()).isEqualTo(RunStatus.FINISHED));
        StringWriter summary = new StringWriter();
        TrackingSummary.print(outcomes, runs, new PrintWriter(summary, true));
        assertThat(summary.toString()).contains("1 incomplete there: minimax sync --runs-dir " + runs + " --tracking-uri " + server.uri());
        String warnings = logged.toString(StandardCharsets.UTF_8);
        assertThat(warnings.split("is not available", -1)).as(warnings).hasSize(2);
        assertThat(warnings).contains("minimax sync --tracking-uri " + server.uri());
        Path runDirectory = runDirectories(runs, "offline-run").get(0);
        assertThat(CliHarness.runJson(runDirectory).get("status").asText()).isEqualTo("FINISHED");
        assertThat(CliHarness.metrics(runDirectory).stream().filter(point -> point.get("key").asText().equals("loss/generator")))
                .hasSize(400);

        CliHarness.Result sync = minimax("sync", "--runs-dir", runs.toString(), "--tracking-uri", server.uri());
        assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).contains("0 created, 1 completed, 0 up to date, 0 not sent");
        assertEveryPointOnce(server, runDirectory);

        CliHarness.Result again = minimax("sync", "--runs-dir", runs.toString(), "--tracking-uri", server.uri());
        assertThat(again.out()).contains("0 created, 0 completed, 1 up to date, 0 not sent");
        assertEveryPointOnce(server, runDirectory);
    }

    private static void awaitFirstMetrics(MlflowReader mlflow, String experiment)
    {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                List<Run> runs = mlflow.runs(experiment);
                if (!runs.isEmpty() && runs.get(0).getData().getMetricsCount() > 0) {
                    return;
                }
            }
            catch (RuntimeException notYet) {
                // the experiment is not created yet
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no metrics reached MLflow within 2 minutes");
    }

    private static void assertEveryPointOnce(MlflowTestServer server, Path runDirectory)
            throws Exception
    {
        String runId = CliHarness.JSON.readTree(runDirectory.resolve("mirrors.json").toFile()).get("mlflow " + server.uri()).get("runId")
                .asText();
        Map<String, List<String>> journal = new TreeMap<>();
        for (JsonNode point : CliHarness.metrics(runDirectory)) {
            journal.computeIfAbsent(point.get("key").asText(), key -> new ArrayList<>())
                    .add(point.get("step").asLong() + "@" + point.get("timestamp").asLong() + "=" + point.get("value").asDouble());
        }
        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            assertThat(mlflow.runs("offline-run")).hasSize(1);
            Run run = mlflow.run(runId);
            assertThat(run.getInfo().getStatus().name()).isEqualTo("FINISHED");
            journal.forEach((key, points) -> {
                List<String> remote = mlflow.history(runId, key).stream()
                        .sorted(Comparator.comparingLong(Metric::getStep))
                        .map(metric -> metric.getStep() + "@" + metric.getTimestamp() + "=" + metric.getValue())
                        .toList();
                assertThat(remote).as(key).isEqualTo(points);
            });
            assertThat(mlflow.artifacts(runId, "")).containsKeys("samples-final.csv", "losses.png", "summary.json", "descriptor.yaml");
        }
    }
}
