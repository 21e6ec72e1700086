package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.minimax.cli.CliHarness.metrics;
import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric fixture in a short run of the real CLI, on a ring and on a Gaussian line: the run finishes, the metric
 * logs finite values, and the charts it declared are drawn.
 */
class TestEveryMetricRuns
{
    private static final List<String> DATA = List.of(
            PluginFixtures.DATA.get("ring").get(0),
            PluginFixtures.DATA.get("gaussian-1d").get(0));

    @TempDir
    Path temp;

    @TestFactory
    List<DynamicTest> everyMetricLogsFiniteValuesInARealRun()
    {
        List<DynamicTest> tests = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<String>> metric : PluginFixtures.METRICS.entrySet()) {
            for (String fixture : metric.getValue()) {
                List<String> games = PluginFixtures.METRIC_GAMES.containsKey(metric.getKey())
                        ? List.of(PluginFixtures.METRIC_GAMES.get(metric.getKey()))
                        : DATA.stream().map(TestEveryMetricRuns::mlpGame).toList();
                for (String game : games) {
                    String name = "metric-" + index++;
                    tests.add(DynamicTest.dynamicTest(fixture + " on " + game.lines().findFirst().orElseThrow(),
                            () -> runWith(name, game, fixture)));
                }
            }
        }
        return tests;
    }

    @Test
    void theEstimatorLogsAtStepsThatAreMinibatchSizesAndDrawsItsChart()
            throws Exception
    {
        Path run = runWith("estimator", mlpGame(PluginFixtures.DATA.get("gaussian-1d").get(0)),
                PluginFixtures.METRICS.get("value-estimator").get(0));
        List<JsonNode> means = metrics(run).stream().filter(point -> point.get("key").asText().equals("estimator/mean")).toList();
        assertThat(means).extracting(point -> point.get("step").asLong()).containsExactly(1L, 2L, 4L, 8L);
        assertThat(Files.exists(run.resolve("artifacts/value-estimator.png"))).isTrue();
        assertThat(Files.exists(run.resolve("artifacts/value-estimator-spread.png"))).isTrue();
    }

    @Test
    void theFrechetDistanceSavesItsInputsForNumpy()
            throws Exception
    {
        Path run = runWith("frechet", mlpGame(PluginFixtures.DATA.get("ring").get(0)),
                PluginFixtures.METRICS.get("frechet-distance").get(0));
        // .npy format 1.0: a 128-byte header here, then the float64 values of a 2-vector or a 2 × 2 matrix
        assertThat(Files.size(run.resolve("artifacts/frechet-distance-real-mean.npy"))).isEqualTo(128 + 2 * 8);
        assertThat(Files.size(run.resolve("artifacts/frechet-distance-real-covariance.npy"))).isEqualTo(128 + 4 * 8);
        assertThat(Files.size(run.resolve("artifacts/frechet-distance-generated-mean.npy"))).isEqualTo(128 + 2 * 8);
        assertThat(Files.size(run.resolve("artifacts/frechet-distance-generated-covariance.npy"))).isEqualTo(128 + 4 * 8);
    }

    /** The data, generator and discriminator sections most metrics run with: small MLPs on {@code data}. */
    private static String mlpGame(String data)
    {
        return """
                data: %s
                generator: { type: mlp, hidden: [8], activation: relu }
                discriminator: { type: mlp, hidden: [8], activation: leaky-relu }
                """.formatted(data);
    }

    private Path runWith(String name, String game, String metric)
            throws Exception
    {
        String descriptor = """
                name: %s
                seed: 5
                train: { steps: 4, batchSize: 8, logEvery: 1, evalEvery: 2 }
                prior: { type: gaussian, dim: 2 }
                loss: { type: non-saturating }
                optimizer:
                  generator: { type: adam }
                  discriminator: { type: adam }
                metrics: [ %s ]
                """.formatted(name, metric) + game;
        Path runs = temp.resolve(name);
        CliHarness.Result result = minimax("run", write(temp, name + ".yaml", descriptor).toString(), "--runs-dir", runs.toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Path run = runDirectories(runs, name).get(0);
        List<JsonNode> points = metrics(run).stream()
                .filter(point -> isMetricKey(point.get("key").asText()))
                .toList();
        assertThat(points).as("values logged by %s", metric).isNotEmpty();
        for (JsonNode point : points) {
            assertThat(point.get("value").isNumber()).as("%s is a finite number", point).isTrue();
        }
        List<String> artifacts;
        try (var files = Files.list(run.resolve("artifacts"))) {
            artifacts = files.map(file -> file.getFileName().toString()).collect(Collectors.toList());
        }
        assertThat(artifacts).as("charts of %s", metric).anyMatch(file -> !file.startsWith("samples") && !List.of(
                "losses.png", "value.png", "discriminator.png", "gradient-norms.png").contains(file));
        return run;
    }

    private static boolean isMetricKey(String key)
    {
        return key.startsWith("theory/") || key.startsWith("eval/") || key.startsWith("estimator/") || key.equals("dirac/distance");
    }
}
