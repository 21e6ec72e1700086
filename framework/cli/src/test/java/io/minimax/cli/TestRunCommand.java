package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.minimax.cli.CliHarness.metrics;
import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.runJson;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestRunCommand
{
    private static final String SMALL = """
            name: small-ring
            description: A tiny run for the end-to-end test.
            seed: 3
            train: { steps: 40, batchSize: 32, logEvery: 10, evalEvery: 20 }
            data: { type: ring, modes: 8, radius: 1.0, std: 0.01 }
            prior: { type: gaussian, dim: 4 }
            loss: { type: non-saturating }
            generator: { type: mlp, hidden: [16, 16], activation: relu }
            discriminator: { type: mlp, hidden: [16, 16], activation: leaky-relu, leak: 0.2 }
            optimizer:
              generator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
            """;

    private static final Set<String> TRAINING_KEYS = Set.of("loss/discriminator", "loss/generator", "value/estimate",
            "discriminator/real", "discriminator/fake", "grad_norm/generator", "grad_norm/discriminator", "time/step_ms");

    @Test
    void theEndOfRunTableShowsTheDescriptorsMetrics(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "small.yaml", SMALL + "metrics:\n  - { type: mode-coverage }\n");
        CliHarness.Result result = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("runs").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path run = runDirectories(temp.resolve("runs"), "small-ring").get(0);
        double modes = metrics(run).stream().filter(point -> point.get("key").asText().equals("eval/modes_covered"))
                .reduce((first, second) -> second).orElseThrow().get("value").asDouble();
        String table = result.out().substring(result.out().indexOf("small-ring: the descriptor's metrics, last evaluation"));
        assertThat(table.lines().skip(1).findFirst().orElseThrow())
                .contains("run", "step", "eval/high_quality_fraction", "eval/modes_covered", "eval/reverse_kl")
                .doesNotContain("loss/");
        assertThat(table.lines().skip(3).findFirst().orElseThrow()).startsWith("small-ring").contains(" 40 ", String.format("%.4f", modes));

        CliHarness.Result without = minimax("run", write(temp, "plain.yaml", SMALL).toString(), "--runs-dir",
                temp.resolve("plain").toString());
        assertThat(without.out()).doesNotContain("the descriptor's metrics");
    }

    @Test
    void aRunWritesItsJournal(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "small.yaml", SMALL);
        Path runs = temp.resolve("runs");

        CliHarness.Result result = minimax("run", descriptor.toString(), "--runs-dir", runs.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("small-ring", "FINISHED");
        List<Path> runDirectories = runDirectories(runs, "small-ring");
        assertThat(runDirectories).hasSize(1);
        Path run = runDirectories.get(0);

        JsonNode info = runJson(run);
        assertThat(info.get("status").asText()).isEqualTo("FINISHED");
        assertThat(info.get("experiment").asText()).isEqualTo("small-ring");
        assertThat(info.get("id").asText()).isEqualTo(run.getFileName().toString());
        assertThat(info.get("endTime").asLong()).isGreaterThanOrEqualTo(info.get("startTime").asLong());
        assertThat(info.get("params").get("optimizer.generator.learningRate").asText()).isEqualTo("0.001");
        assertThat(info.get("params").get("train.evalEvery").asText()).isEqualTo("20");
        assertThat(info.get("tags").get("mlflow.runName").asText()).isEqualTo("small-ring");

        List<JsonNode> metrics = metrics(run);
        assertThat(metrics.stream().map(point -> point.get("key").asText()).collect(Collectors.toSet())).containsAll(TRAINING_KEYS);
        assertThat(metrics.stream().filter(point -> point.get("key").asText().equals("loss/generator"))
                .map(point -> point.get("step").asLong()))
                .containsExactly(10L, 20L, 30L, 40L);
        for (JsonNode point : metrics) {
            assertThat(point.get("timestamp").asLong()).isPositive();
        }

        String resolved = Files.readString(run.resolve("descriptor.yaml"));
        assertThat(resolved).contains("evalEvery: 20", "discriminatorSteps: 1", "updates: alternating");

        List<String> samples = Files.readAllLines(run.resolve("artifacts/samples-final.csv"));
        assertThat(samples).hasSize(2500);
        assertThat(samples.get(0).split(",")).hasSize(2);
        assertThat(ImageIO.read(run.resolve("artifacts/samples-step-000020.png").toFile())).isNotNull();
        assertThat(ImageIO.read(run.resolve("artifacts/samples-step-000040.png").toFile())).isNotNull();
    }

    @Test
    void theValueEstimateIsTheMeanOfTheDiscriminatorLogTerms(@TempDir Path temp)
            throws Exception
    {
        // V̂ = (1/m)Σ log D(x) + (1/m)Σ log(1 − D(G(z))); with D's mean outputs this bounds V̂ by Jensen's inequality.
        Path descriptor = write(temp, "small.yaml", SMALL);
        Path runs = temp.resolve("runs");
        assertThat(minimax("run", descriptor.toString(), "--runs-dir", runs.toString()).exitCode()).isZero();
        List<JsonNode> metrics = metrics(runDirectories(runs, "small-ring").get(0));
        double value = last(metrics, "value/estimate");
        double real = last(metrics, "discriminator/real");
        double fake = last(metrics, "discriminator/fake");
        assertThat(value).isLessThanOrEqualTo(Math.log(real) + Math.log(1 - fake) + 1e-9);
        assertThat(last(metrics, "loss/discriminator")).as("D loss = BCE of the 2m batch = -V̂/2 on the same minibatch")
                .isCloseTo(-value / 2, within(1e-5));
    }

    @Test
    void sameDescriptorAndSeedGiveIdenticalMetrics(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "small.yaml", SMALL);
        assertThat(minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("a").toString()).exitCode()).isZero();
        assertThat(minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("b").toString()).exitCode()).isZero();

        List<String> first = deterministicValues(metrics(runDirectories(temp.resolve("a"), "small-ring").get(0)));
        List<String> second = deterministicValues(metrics(runDirectories(temp.resolve("b"), "small-ring").get(0)));
        assertThat(first).hasSizeGreaterThan(20).isEqualTo(second);

        Path firstRun = runDirectories(temp.resolve("a"), "small-ring").get(0);
        Path secondRun = runDirectories(temp.resolve("b"), "small-ring").get(0);
        assertThat(Files.readAllLines(firstRun.resolve("artifacts/samples-final.csv")))
                .isEqualTo(Files.readAllLines(secondRun.resolve("artifacts/samples-final.csv")));

        assertThat(minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("c").toString(), "--set", "seed=4").exitCode())
                .isZero();
        List<String> otherSeed = deterministicValues(metrics(runDirectories(temp.resolve("c"), "small-ring").get(0)));
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void evaluatingMoreOftenDoesNotChangeTraining(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "small.yaml", SMALL);
        assertThat(minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("a").toString()).exitCode()).isZero();
        assertThat(minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("b").toString(), "--set", "train.evalEvery=5")
                .exitCode()).isZero();
        List<String> rarely = deterministicValues(metrics(runDirectories(temp.resolve("a"), "small-ring").get(0)));
        List<String> often = deterministicValues(metrics(runDirectories(temp.resolve("b"), "small-ring").get(0)));
        assertThat(often).hasSizeGreaterThan(20).isEqualTo(rarely);
    }

    @Test
    void simultaneousUpdatesTrainToo(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "small.yaml", SMALL);
        CliHarness.Result result = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("runs").toString(),
                "--set", "train.updates=simultaneous", "--set", "train.discriminatorSteps=2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path run = runDirectories(temp.resolve("runs"), "small-ring").get(0);
        assertThat(runJson(run).get("params").get("train.updates").asText()).isEqualTo("simultaneous");
        assertThat(metrics(run)).isNotEmpty();
    }

    @Test
    void aDivergingRunFailsNamingTheStepAndQuantity(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "small.yaml", SMALL);
        CliHarness.Result result = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("runs").toString(),
                "--set", "optimizer.discriminator={ type: sgd, learningRate: 1.0e30 }",
                "--set", "optimizer.generator={ type: sgd, learningRate: 1.0e30 }");
        assertThat(result.exitCode()).isEqualTo(Main.RUN_FAILED);
        Path run = runDirectories(temp.resolve("runs"), "small-ring").get(0);
        JsonNode info = runJson(run);
        assertThat(info.get("status").asText()).isEqualTo("FAILED");
        assertThat(info.get("error").asText()).containsPattern("(loss|grad_norm)/\\w+ became (NaN|-?Infinity) at step \\d+");
        assertThat(result.out()).contains("FAILED");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void aSweepRunsEveryCombinationAndComparesThem(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "sweep.yaml", SMALL.replace("steps: 40", "steps: 10").replace("evalEvery: 20", "evalEvery: 10") + """
                sweep:
                  loss.type: [minimax, non-saturating]
                  seed: [1, 2]
                """);
        CliHarness.Result result = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("runs").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("loss=minimax seed=1", "loss=minimax seed=2", "loss=non-saturating seed=1", "loss=non-saturating seed=2");
        List<Path> runs = runDirectories(temp.resolve("runs"), "small-ring");
        assertThat(runs).hasSize(4);
        assertThat(runs.stream().map(run -> {
            try {
                return runJson(run).get("params").get("loss.type").asText() + "/" + runJson(run).get("params").get("seed").asText();
            }
            catch (Exception e) {
                throw new AssertionError(e);
            }
        })).containsExactlyInAnyOrder("minimax/1", "minimax/2", "non-saturating/1", "non-saturating/2");
    }

    private static double last(List<JsonNode> metrics, String key)
    {
        return metrics.stream().filter(point -> point.get("key").asText().equals(key)).reduce((a, b) -> b).orElseThrow().get("value")
                .asDouble();
    }

    private static List<String> deterministicValues(List<JsonNode> metrics)
    {
        return metrics.stream()
                .filter(point -> !point.get("key").asText().startsWith("time/"))
                .map(point -> point.get("key").asText() + "@" + point.get("step").asLong() + "=" + point.get("value").asText())
                .toList();
    }
}
