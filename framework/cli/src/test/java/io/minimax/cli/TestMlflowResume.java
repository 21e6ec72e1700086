package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static io.minimax.cli.KilledRuns.afterLines;
import static io.minimax.cli.KilledRuns.child;
import static io.minimax.cli.KilledRuns.runFolders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracked run killed with SIGKILL and resumed continues its MLflow run, whose metric history then equals the
 * journal point for point (key, step, timestamp, value); a crashed run that is synced instead ends FAILED there.
 */
@ExtendWith(MlflowTestServer.class)
class TestMlflowResume
{
    @Test
    void aResumedRunContinuesItsMlflowRunWhoseHistoryEqualsTheJournal(MlflowTestServer server, @TempDir Path temp)
            throws Exception
    {
        String descriptor = PluginFixtures.defaultDescriptor().replace("name: fixture", "name: resumed-tracked")
                .replace("train: { steps: 3, batchSize: 4, logEvery: 1 }",
                        "train: { steps: 4000, batchSize: 8, logEvery: 5, evalEvery: 2000, checkpointEvery: 1000 }\n"
                                + "metrics: [{ type: mmd }]")
                + "tracking: { type: mlflow, uri: '" + server.uri() + "' }\n";
        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            // killed once MLflow holds points of steps after the latest checkpoint: the resumed run sends them again
            Predicate<Path> lines = afterLines("resumed-tracked", 1500);
            Path runs = KilledRuns.run(temp, descriptor, journaled -> lines.test(journaled)
                    && latestStep(mlflow, "resumed-tracked") > latestCheckpoint(runFolders(journaled, "resumed-tracked").get(0)));
            Path run = runFolders(runs, "resumed-tracked").get(0);
            List<Run> before = mlflow.runs("resumed-tracked");
            assertThat(before).hasSize(1);
            String runId = before.get(0).getInfo().getRunId();
            assertThat(before.get(0).getInfo().getStatus().name()).isEqualTo("RUNNING");

            CliHarness.Result resumed = child(temp, "resume", run.toString());
            assertThat(resumed.exitCode()).as(resumed.out()).isZero();

            List<Run> after = mlflow.runs("resumed-tracked");
            assertThat(after).hasSize(1);
            assertThat(after.get(0).getInfo().getRunId()).isEqualTo(runId);
            assertThat(after.get(0).getInfo().getStatus().name()).isEqualTo("FINISHED");
            Map<String, List<String>> journal = journalByKey(run);
            assertThat(journal).containsKeys("loss/generator", "time/step_ms");
            for (Map.Entry<String, List<String>> key : journal.entrySet()) {
                assertThat(history(mlflow, runId, key.getKey())).as(key.getKey()).isEqualTo(key.getValue());
            }
            assertThat(mlflow.artifacts(runId, "")).containsKeys("checkpoints/step-00004000/manifest.json", "descriptor.yaml",
                    "samples-final.csv");
        }
    }

    @Test
    void logCheckpointsAllUploadsEveryCheckpointAndNoneNone(MlflowTestServer server, @TempDir Path temp)
            throws Exception
    {
        String descriptor = PluginFixtures.defaultDescriptor().replace("name: fixture", "name: checkpoints-LOGGED")
                .replace("train: { steps: 3, batchSize: 4, logEvery: 1 }",
                        "train: { steps: 90, batchSize: 4, logEvery: 10, checkpointEvery: 30, keepCheckpoints: 5 }")
                + "tracking: { type: mlflow, uri: '" + server.uri() + "', logCheckpoints: LOGGED }\n";
        for (String logged : List.of("all", "none")) {
            Path file = CliHarness.write(temp, logged + ".yaml", descriptor.replace("LOGGED", logged));
            CliHarness.Result result = CliHarness.minimax("run", file.toString(), "--runs-dir", temp.resolve("runs").toString());
            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        }
        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            Map<String, Map<String, Long>> artifacts = new TreeMap<>();
            for (String logged : List.of("all", "none")) {
                List<Run> runs = mlflow.runs("checkpoints-" + logged);
                assertThat(runs).hasSize(1);
                artifacts.put(logged, mlflow.artifacts(runs.get(0).getInfo().getRunId(), ""));
            }
            assertThat(artifacts.get("all").keySet().stream().filter(path -> path.startsWith("checkpoints/"))
                    .filter(path -> path.endsWith("/manifest.json")))
                    .containsExactly("checkpoints/step-00000030/manifest.json", "checkpoints/step-00000060/manifest.json",
                            "checkpoints/step-00000090/manifest.json");
            assertThat(artifacts.get("none").keySet()).noneMatch(path -> path.startsWith("checkpoints/"));
        }
    }

    @Test
    void aCrashedRunIsSyncedFailedWithTheReason(MlflowTestServer server, @TempDir Path temp)
            throws Exception
    {
        String descriptor = PluginFixtures.defaultDescriptor().replace("name: fixture", "name: crashed-synced")
                .replace("steps: 3, batchSize: 4, logEvery: 1", "steps: 1000000, batchSize: 4, logEvery: 1");
        Path runs = KilledRuns.run(temp, descriptor, journaled -> runFolders(journaled, "crashed-synced").stream()
                .anyMatch(run -> KilledRuns.lineCount(run) >= 200));
        Path run = runFolders(runs, "crashed-synced").get(0);
        assertThat(CliHarness.runJson(run).get("status").asText()).isEqualTo("RUNNING");

        CliHarness.Result synced = CliHarness.minimax("sync", "--runs-dir", runs.toString(), "--tracking-uri", server.uri());
        assertThat(synced.exitCode()).as(synced.out() + synced.err()).isZero();
        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            List<Run> mirrored = mlflow.runs("crashed-synced");
            assertThat(mirrored).hasSize(1);
            assertThat(mirrored.get(0).getInfo().getStatus().name()).isEqualTo("FAILED");
            assertThat(MlflowReader.tags(mirrored.get(0)).get("minimax.error"))
                    .startsWith("the process ended without closing the run (process ");
            assertThat(history(mlflow, mirrored.get(0).getInfo().getRunId(), "loss/generator"))
                    .isEqualTo(journalByKey(run).get("loss/generator"));
        }
    }

    private static long latestStep(MlflowReader mlflow, String experiment)
    {
        List<Run> runs = mlflow.runs(experiment);
        return runs.isEmpty() ? 0 : mlflow.history(runs.get(0).getInfo().getRunId(), "loss/generator").stream()
                .mapToLong(Metric::getStep).max().orElse(0);
    }

    private static long latestCheckpoint(Path run)
    {
        try {
            List<Path> checkpoints = KilledRuns.checkpoints(run);
            return checkpoints.isEmpty() ? Long.MAX_VALUE
                    : Long.parseLong(checkpoints.get(checkpoints.size() - 1).getFileName().toString().substring("step-".length()));
        }
        catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The journal's points of each key as "step timestamp bits", in step and timestamp order. */
    private static Map<String, List<String>> journalByKey(Path run)
            throws IOException
    {
        Map<String, List<JsonNode>> byKey = new TreeMap<>();
        for (JsonNode point : CliHarness.metrics(run)) {
            byKey.computeIfAbsent(point.get("key").asText(), key -> new ArrayList<>()).add(point);
        }
        Map<String, List<String>> described = new TreeMap<>();
        byKey.forEach((key, points) -> described.put(key, points.stream()
                .map(point -> describe(point.get("step").asLong(), point.get("timestamp").asLong(), point.get("value").asDouble()))
                .sorted(Comparator.naturalOrder()).toList()));
        return described;
    }

    private static List<String> history(MlflowReader mlflow, String runId, String key)
    {
        return mlflow.history(runId, key).stream()
                .map((Metric metric) -> describe(metric.getStep(), metric.getTimestamp(), metric.getValue()))
                .sorted(Comparator.naturalOrder()).toList();
    }

    private static String describe(long step, long timestamp, double value)
    {
        return String.format("%012d %d %s", step, timestamp, Long.toHexString(Double.doubleToLongBits(value)));
    }
}
