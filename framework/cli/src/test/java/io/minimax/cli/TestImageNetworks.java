package io.minimax.cli;

import io.minimax.core.checkpoint.Checkpoint;
import io.minimax.core.checkpoint.CheckpointFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The image networks through descriptors: shape problems at validation with their paths, and a real run's state. */
class TestImageNetworks
{
    private static final String HEAD = """
            name: images
            seed: 3
            train: { steps: 4, batchSize: 8, logEvery: 2, evalEvery: 4, checkpointEvery: 2 }
            data: { type: uniform-noise, shape: [1, 28, 28] }
            prior: { type: gaussian, dim: 64 }
            loss: { type: non-saturating }
            optimizer:
              generator: { type: adam, learningRate: 0.0002, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 0.0002, beta1: 0.5, beta2: 0.999 }
            """;

    @Test
    void validationReportsEveryLayerThatDoesNotFitWithItsPath(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "bad.yaml", HEAD + """
                generator: { type: layers, layers: [ {dense: 6272}, {batchnorm: {}}, {activation: relu}, {flatten: {}},
                  {conv: {filters: 64, kernel: 4, stride: 2, padding: 1}} ] }
                discriminator: { type: layers, layers: [ {conv: {filters: 8, kernel: 4, stride: 2, padding: 1}}, {batchnorm: {}},
                  {flatten: {}}, {dense: 1} ] }
                penalties: [ { type: r1, gamma: 10.0 } ]
                """);
        CliHarness.Result result = minimax("validate", descriptor.toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err())
                .contains("generator.layers[4]: conv expects [C, H, W] input, got [6272]")
                .contains("discriminator.layers[1]: batchnorm does not support double backpropagation, which the gradient penalties "
                        + "need: remove the layer or the penalties")
                .doesNotContain("\tat ");
    }

    @Test
    void dcganIsEnoughAndItsRunningStatisticsAreCheckpointedAndUsedBySample(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "dcgan.yaml", HEAD.replace("[1, 28, 28]", "[1, 8, 8]") + """
                generator: { type: dcgan, baseChannels: 4 }
                discriminator: { type: dcgan, baseChannels: 4 }
                """);
        Path runs = temp.resolve("runs");
        CliHarness.Result result = minimax("run", descriptor.toString(), "--runs-dir", runs.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path run = runDirectories(runs, "images").get(0);

        Checkpoint checkpoint = CheckpointFiles.latest(run, warning -> { }).orElseThrow();
        assertThat(checkpoint.step()).isEqualTo(4);
        // the generator's two batch norms: 2·(8·2·2) dense features, then 2·4 channels; means first, then variances
        INDArray state = checkpoint.array("generator/state/layer-state");
        assertThat(state.length()).isEqualTo(2 * 32 + 2 * 4);
        assertThat(state.getDouble(0)).as("a running mean has moved from 0").isNotZero();
        assertThat(checkpoint.arrays().keySet()).noneMatch(name -> name.startsWith("discriminator/state/"));

        Path samples = temp.resolve("samples.csv");
        CliHarness.Result sampled = minimax("sample", run.toString(), "--n", "5", "--seed", "1", "--out", samples.toString());
        assertThat(sampled.exitCode()).as(sampled.err()).isZero();
        List<String> lines = Files.readAllLines(samples);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
    }
}
