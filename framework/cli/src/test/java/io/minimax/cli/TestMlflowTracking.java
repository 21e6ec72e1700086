package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A sweep streamed to a real MLflow server and read back over REST with MLflow's own client. */
@ExtendWith(MlflowTestServer.class)
class TestMlflowTracking
{
    static String sweep(String name, int steps)
    {
        return """
                name: %s
                description: minimax against non-saturating, two seeds
                train: { steps: %d, batchSize: 16, logEvery: 5, evalEvery: 30 }
                data: { type: ring, modes: 8, radius: 1.0, std: 0.01 }
                prior: { type: gaussian, dim: 4 }
                loss: { type: minimax }
                generator: { type: mlp, hidden: [16], activation: relu }
                discriminator: { type: mlp, hidden: [16], activation: leaky-relu }
                optimizer:
                  generator: { type: adam, learningRate: 0.0002 }
                  discriminator: { type: adam, learningRate: 0.0002 }
                sweep:
                  loss.type: [minimax, non-saturating]
                  seed: [1, 2]
                """.formatted(name, steps);
    }

    @Test
    void sweepIsNestedWithExactParamsFullHistoriesAndArtifacts(MlflowTestServer server, @TempDir Path temp)
            throws Exception
    {
        Path runs = temp.resolve("runs");
        Path descriptor = write(temp, "sweep.yaml", sweep("tracked-sweep", 60));
        CliHarness.Result result = minimax("run", descriptor.toString(), "--runs-dir", runs.toString(), "--tracking-uri", server.uri());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Tracking: 4 runs in mlflow " + server.uri()).doesNotContain("incomplete");

        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            List<Run> remote = mlflow.runs("tracked-sweep");
            assertThat(remote).hasSize(5);
            List<Run> parents = remote.stream().filter(run -> "sweep".equals(MlflowReader.tags(run).get("minimax.role"))).toList();
            assertThat(parents).hasSize(1);
            Run parent = parents.get(0);
            assertThat(parent.getInfo().getStatus().name()).isEqualTo("FINISHED");
            assertThat(MlflowReader.tags(parent).get("minimax.sweepDefinition"))
                    .contains("loss.type: [minimax, non-saturating]", "seed: [1, 2]");

            Map<String, List<Double>> lastGeneratorLossByLoss = new TreeMap<>();
            for (Path runDirectory : runDirectories(runs, "tracked-sweep")) {
                JsonNode journal = CliHarness.runJson(runDirectory);
                String runId = CliHarness.JSON.readTree(runDirectory.resolve("mirrors.json").toFile()).get("mlflow " + server.uri())
                        .get("runId").asText();
                Run child = mlflow.run(runId);
                assertThat(MlflowReader.name(child)).isEqualTo(journal.get("name").asText());
                assertThat(MlflowReader.tags(child)).containsEntry("mlflow.parentRunId", parent.getInfo().getRunId())
                        .containsEntry("minimax.runId", journal.get("id").asText())
                        .containsEntry("mlflow.source.name", descriptor.toString());
                // what made the digits: the BLAS kernel, its version and the CPU, as the journal has them
                assertThat(MlflowReader.tags(child))
                        .containsKeys("minimax.blas.kernel", "minimax.blas.version", "minimax.blas.choice", "minimax.cpu")
                        .containsEntry("minimax.blas.kernel", journal.get("tags").get("minimax.blas.kernel").asText());
                assertThat(MlflowReader.tags(child).get("minimax.blas.version")).startsWith("OpenBLAS 0.3.");
                assertThat(MlflowReader.tags(child).get("mlflow.note.content")).contains("```yaml");
                assertThat(child.getInfo().getStatus().name()).isEqualTo("FINISHED");

                Map<String, String> journalParams = new TreeMap<>();
                journal.get("params").fields().forEachRemaining(entry -> journalParams.put(entry.getKey(), entry.getValue().asText()));
                assertThat(new TreeMap<>(MlflowReader.params(child))).isEqualTo(journalParams);
                assertThat(MlflowReader.params(child)).containsEntry("optimizer.generator.learningRate", "0.0002")
                        .containsEntry("train.batchSize", "16");

                Map<String, List<JsonNode>> journalSeries = new TreeMap<>();
                for (JsonNode point : CliHarness.metrics(runDirectory)) {
                    journalSeries.computeIfAbsent(point.get("key").asText(), key -> new ArrayList<>()).add(point);
                }
                assertThat(journalSeries).containsKeys("loss/generator", "value/estimate");
                journalSeries.forEach((key, points) -> {
                    List<Metric> history = new ArrayList<>(mlflow.history(runId, key));
                    history.sort(Comparator.comparingLong(Metric::getStep));
                    assertThat(history).as(key).hasSameSizeAs(points);
                    for (int index = 0; index < points.size(); index++) {
                        assertThat(history.get(index).getStep()).isEqualTo(points.get(index).get("step").asLong());
                        assertThat(history.get(index).getTimestamp()).isEqualTo(points.get(index).get("timestamp").asLong());
                        assertThat(history.get(index).getValue()).as(key).isEqualTo(points.get(index).get("value").asDouble());
                    }
                });
                List<JsonNode> generatorLoss = journalSeries.get("loss/generator");
                double last = generatorLoss.get(generatorLoss.size() - 1).get("value").asDouble();
                assertThat(MlflowReader.latest(child)).containsEntry("final/loss/generator", last)
                        .containsKey("final_mean10pct/loss/generator");
                lastGeneratorLossByLoss.computeIfAbsent(journal.get("params").get("loss.type").asText(), key -> new ArrayList<>())
                        .add(last);

                Map<String, Long> artifacts = mlflow.artifacts(runId, "");
                try (Stream<Path> files = Files.list(runDirectory.resolve("artifacts"))) {
                    for (Path file : files.toList()) {
                        assertThat(artifacts).containsEntry(file.getFileName().toString(), Files.size(file));
                    }
                }
                assertThat(artifacts).containsEntry("descriptor.yaml", Files.size(runDirectory.resolve("descriptor.yaml")))
                        .containsKeys("samples-final.csv", "losses.png", "summary.json");
            }
            List<Double> minimaxLosses = lastGeneratorLossByLoss.get("minimax");
            assertThat(MlflowReader.latest(mlflow.run(parent.getInfo().getRunId())).get("loss_minimax/final/loss/generator/mean"))
                    .isCloseTo((minimaxLosses.get(0) + minimaxLosses.get(1)) / 2, within(1e-12));
        }

        CliHarness.Result sync = minimax("sync", "--runs-dir", runs.toString(), "--tracking-uri", server.uri());
        assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).contains("0 created, 0 completed, 4 up to date, 0 not sent");
        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            assertThat(mlflow.runs("tracked-sweep")).hasSize(5);
        }
    }

    @Test
    void benchMeasuresStreamingSideBySide(MlflowTestServer server, @TempDir Path temp)
            throws Exception
    {
        Path json = temp.resolve("bench.json");
        CliHarness.Result result = minimax("bench", "toy", "--batch", "16", "--steps", "40", "--warmup", "10", "--repeats", "2",
                "--tracking-uri", server.uri(), "--json", json.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("journal only median", "journal + MLflow streaming median");
        JsonNode bench = CliHarness.JSON.readTree(json.toFile());
        assertThat(bench.get("msPerStep").asDouble()).isPositive();
        assertThat(bench.get("trackingMsPerStep").asDouble()).isPositive();
    }
}
