package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The server goes away mid-run: training finishes on the journal, and minimax sync completes the mirror exactly once. */
@ExtendWith(MlflowTestServer.class)
class MlflowOfflineTest
{
    @Test
    void serverGoneMidRunThenSyncSendsEveryPointOnce(MlflowTestServer server, @TempDir Path temp)
            throws Exception
    {
        Path runs = temp.resolve("runs");
        Path descriptor = write(temp, "long.yaml", MlflowTrackingTest.sweep("offline-run", 4000).replace("""
                sweep:
                  loss.type: [minimax, non-saturating]
                  seed: [1, 2]
                """, "").replace("evalEvery: 30", "evalEvery: 2000"));
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        CliHarness.Result result;
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(
                    () -> minimax("run", descriptor.toString(), "--runs-dir", runs.toString(), "--tracking-uri", server.uri()));
            try (MlflowReader mlflow = new MlflowReader(server.uri())) {
                awaitFirstMetrics(mlflow, "offline-run");
            }
            server.stop();
            result = run.get(5, TimeUnit.MINUTES);
        }
        finally {
            System.setErr(originalErr);
            server.start();
        }
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("incomplete there: minimax sync --runs-dir " + runs + " --tracking-uri " + server.uri());
        String warnings = logged.toString(StandardCharsets.UTF_8);
        assertThat(warnings.split("is not available", -1)).as(warnings).hasSize(2);
        assertThat(warnings).contains("minimax sync --tracking-uri " + server.uri());
        Path runDirectory = runDirectories(runs, "offline-run").get(0);
        assertThat(CliHarness.runJson(runDirectory).get("status").asText()).isEqualTo("FINISHED");
        assertThat(CliHarness.metrics(runDirectory).stream().filter(point -> point.get("key").asText().equals("loss/generator"))).hasSize(800);

        CliHarness.Result sync = minimax("sync", "--runs-dir", runs.toString(), "--tracking-uri", server.uri());
        assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).contains("0 created, 1 completed, 0 up to date, 0 not sent");
        assertEveryPointOnce(server, runDirectory);

        CliHarness.Result again = minimax("sync", "--runs-dir", runs.toString(), "--tracking-uri", server.uri());
        assertThat(again.out()).contains("0 created, 0 completed, 1 up to date, 0 not sent");
        assertEveryPointOnce(server, runDirectory);
    }

    private static void awaitFirstMetrics(MlflowReader mlflow, String experiment)
            throws InterruptedException
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
            Thread.sleep(50);
        }
        throw new AssertionError("no metrics reached MLflow within 2 minutes");
    }

    private static void assertEveryPointOnce(MlflowTestServer server, Path runDirectory)
            throws Exception
    {
        String runId = CliHarness.JSON.readTree(runDirectory.resolve("mirrors.json").toFile()).get("mlflow " + server.uri()).get("runId").asText();
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
