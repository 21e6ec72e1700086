package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

class TestCommands
{
    @Test
    void pluginsListsEveryExtensionPointWithParameters()
    {
        CliHarness.Result result = minimax("plugins");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("data source", "noise prior", "loss", "optimizer", "network",
                "non-saturating", "minimax", "ring", "adam", "learningRate", "mlp", "hidden", "default [128, 128]");
    }

    @Test
    void benchToyReportsMillisecondsPerStep(@TempDir Path temp)
            throws Exception
    {
        Path json = temp.resolve("bench.json");
        CliHarness.Result result = minimax("bench", "toy", "--batch", "16", "--steps", "5", "--warmup", "2", "--repeats", "2", "--json",
                json.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ms/step");
        JsonNode bench = CliHarness.JSON.readTree(json.toFile());
        assertThat(bench.get("msPerStep").asDouble()).isPositive();
        assertThat(bench.get("workload").asText()).isEqualTo("toy");
        assertThat(bench.get("batch").asInt()).isEqualTo(16);
    }

    @Test
    void benchImageMlpTrainsTheImageSizedNetworksOnUniformNoise(@TempDir Path temp)
            throws Exception
    {
        Path json = temp.resolve("bench.json");
        CliHarness.Result result = minimax("bench", "image-mlp", "--steps", "3", "--warmup", "1", "--repeats", "1", "--json",
                json.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("bench image-mlp: batch 64,", "ms/step");
        JsonNode bench = CliHarness.JSON.readTree(json.toFile());
        assertThat(bench.get("workload").asText()).isEqualTo("image-mlp");
        assertThat(bench.get("batch").asInt()).isEqualTo(64);
        assertThat(bench.get("msPerStep").asDouble()).isPositive();
    }

    @Test
    void benchNamesTheKnownWorkloads()
    {
        CliHarness.Result result = minimax("bench", "image");
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).contains("unknown workload 'image' (known: toy, image-mlp, dcgan)");
    }

    @Test
    void benchDcganPrintsItsThroughput()
    {
        CliHarness.Result result = minimax("bench", "dcgan", "--batch", "4", "--steps", "1", "--warmup", "0", "--repeats", "1");
        assertThat(result.exitCode()).as(result.err()).isZero();
        // 2 · 81,134,592 multiply-adds per sample of the batch (BenchWorkload.DCGAN)
        assertThat(result.out()).contains("bench dcgan: batch 4, 1 steps x 1 repeats").contains("(0.65 GFLOP/step)");
    }

    @Test
    void runsListsJournaledRuns(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "fixture.yaml", PluginFixtures.defaultDescriptor());
        Path runs = temp.resolve("runs");
        assertThat(minimax("run", descriptor.toString(), "--runs-dir", runs.toString()).exitCode()).isZero();
        CliHarness.Result result = minimax("runs", "--runs-dir", runs.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("fixture", "FINISHED", "loss/generator");
    }

    @Test
    void versionAndHelp()
    {
        assertThat(minimax("--version").out()).startsWith("minimax ");
        CliHarness.Result help = minimax("--help");
        assertThat(help.out()).contains("run", "validate", "plugins", "runs", "bench");
    }
}
