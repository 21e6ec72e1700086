package io.minimax.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code minimax sample}: a real run's generator, rebuilt from its descriptor and a checkpoint, drawn with a seed of its own. */
class TestSample
{
    private static final String RING = """
            name: sample-ring
            seed: 5
            train: { steps: 300, batchSize: 32, logEvery: 50, evalEvery: 150, checkpointEvery: 150 }
            data: { type: ring, modes: 8, radius: 1.0, std: 0.01 }
            prior: { type: gaussian, dim: 4 }
            loss: { type: non-saturating }
            generator: { type: mlp, hidden: [16, 16], activation: relu }
            discriminator: { type: mlp, hidden: [16, 16], activation: leaky-relu, leak: 0.2 }
            optimizer:
              generator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
            """;

    @TempDir
    static Path temp;
    private static Path run;

    @BeforeAll
    static void train()
            throws IOException
    {
        run = run("ring", RING);
    }

    @Test
    void samplesAreDeterministicForASeedAndComeFromTheTrainedGenerator()
            throws IOException
    {
        Path first = temp.resolve("first.csv");
        CliHarness.Result result = minimax("sample", run.toString(), "--n", "500", "--seed", "3", "--out", first.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().strip()).isEqualTo("Wrote 500 samples of run " + run.getFileName() + " (checkpoint of step 300, seed 3) to "
                + first);
        double[][] samples = read(first);
        assertThat(samples).hasNumberOfRows(500);
        assertThat(Arrays.stream(samples).flatMapToDouble(Arrays::stream)).allMatch(Double::isFinite);
        assertThat(samples[0]).hasSize(2);

        // by run id in --runs-dir, with the same seed: the same bytes
        Path again = sample(run.getFileName().toString(), "3", "again.csv", "--runs-dir", temp.resolve("ring/runs").toString());
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(sample(run.toString(), "4", "other.csv"))).isNotEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(sample(run.toString(), "3", "final.csv", "--checkpoint", "300")))
                .isEqualTo(Files.readAllBytes(first));
        Path earlier = sample(run.toString(), "3", "earlier.csv", "--checkpoint", "150");
        assertThat(Files.readAllBytes(earlier)).isNotEqualTo(Files.readAllBytes(first));

        // samples-final.csv holds 2500 draws of the same generator from another stream: the same mean and spread
        double[][] reference = read(run.resolve("artifacts/samples-final.csv"));
        for (int column = 0; column < 2; column++) {
            double std = std(reference, column);
            double tolerance = 5 * std * Math.sqrt(1.0 / samples.length + 1.0 / reference.length);
            assertThat(Math.abs(mean(samples, column) - mean(reference, column))).as("mean of column " + column).isLessThan(tolerance);
            assertThat(std(samples, column) / std).as("std of column " + column).isBetween(0.85, 1.15);
        }
    }

    @Test
    void aPngOfTwoAndOneDimensionalSamplesIsReadable()
            throws IOException
    {
        BufferedImage scatter = ImageIO.read(sample(run.toString(), "1", "scatter.png").toFile());
        assertThat(scatter).isNotNull();
        assertThat(scatter.getWidth()).isPositive();

        Path scalar = run("scalar", RING.replace("{ type: ring, modes: 8, radius: 1.0, std: 0.01 }",
                "{ type: gaussian-1d, mean: 4.0, std: 0.5 }").replace("steps: 300", "steps: 20"));
        assertThat(ImageIO.read(sample(scalar.toString(), "1", "histogram.png").toFile())).isNotNull();
        assertThat(read(sample(scalar.toString(), "1", "scalar.csv"))[0]).hasSize(1);
    }

    @Test
    void samplesOfOtherShapesAreWrittenAsCsvAndRefusedAsPng()
            throws IOException
    {
        Path wide = run("wide", RING.replace("{ type: ring, modes: 8, radius: 1.0, std: 0.01 }",
                "{ type: uniform-noise, shape: [6], low: -1.0, high: 1.0 }").replace("steps: 300", "steps: 20"));
        assertThat(read(sample(wide.toString(), "1", "wide.csv"))[0]).hasSize(6);
        assertOneLineError(minimax("sample", wide.toString(), "--n", "10", "--out", temp.resolve("wide.png").toString()),
                "a PNG plots 1-D or 2-D samples");
    }

    @Test
    void badInputIsOneLineAndExitCode2()
            throws IOException
    {
        String out = temp.resolve("bad.csv").toString();
        assertOneLineError(minimax("sample", "no-such-run", "--runs-dir", temp.resolve("ring/runs").toString(), "--n", "10", "--out", out),
                "no run folder or run id 'no-such-run'");
        assertOneLineError(minimax("sample", run.toString(), "--n", "10", "--out", temp.resolve("bad.txt").toString()),
                "must end in .csv or .png");
        assertOneLineError(minimax("sample", run.toString(), "--n", "0", "--out", out), "--n must be between 1 and 1000000, not 0");
        assertOneLineError(minimax("sample", run.toString(), "--n", "1000001", "--out", out), "--n must be between 1 and 1000000");
        assertOneLineError(minimax("sample", run.toString(), "--n", "-5", "--out", out), "--n must be between 1 and 1000000");
        Path file = write(temp, "a-file", "");
        assertOneLineError(minimax("sample", run.toString(), "--n", "10", "--out", file.resolve("x.csv").toString()),
                "cannot be written");
        Path folder = Files.createDirectories(temp.resolve("folder.csv"));
        assertOneLineError(minimax("sample", run.toString(), "--n", "10", "--out", folder.toString()), "is a folder");
        assertOneLineError(minimax("sample", run.toString(), "--n", "10", "--checkpoint", "7", "--out", out),
                "checkpoint of step 7 of run " + run.getFileName() + " cannot be read");
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    @Test
    void aCorruptCheckpointIsOneLineAndExitCode2()
            throws IOException
    {
        Path corrupt = run("corrupt", RING.replace("steps: 300", "steps: 20"));
        List<Path> arrays;
        try (Stream<Path> files = Files.walk(corrupt.resolve("checkpoints"))) {
            arrays = files.filter(path -> path.toString().endsWith(".bin")).toList();
        }
        for (Path array : arrays) {
            Files.write(array, new byte[] {1, 2, 3});
        }
        String out = temp.resolve("corrupt.csv").toString();
        assertOneLineError(minimax("sample", corrupt.toString(), "--n", "10", "--out", out), "has no valid checkpoint");
        assertOneLineError(minimax("sample", corrupt.toString(), "--n", "10", "--checkpoint", "20", "--out", out),
                "does not match its SHA-256");
    }

    private static Path run(String folder, String descriptor)
            throws IOException
    {
        Path directory = Files.createDirectories(temp.resolve(folder));
        Path runs = directory.resolve("runs");
        Path file = write(directory, "descriptor.yaml", descriptor);
        CliHarness.Result result = minimax("run", file.toString(), "--runs-dir", runs.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        String experiment = descriptor.lines().findFirst().orElseThrow().substring("name: ".length());
        return runDirectories(runs, experiment).get(0);
    }

    private static Path sample(String run, String seed, String file, String... more)
    {
        Path out = temp.resolve(file);
        List<String> args = new ArrayList<>(List.of("sample", run, "--n", "500", "--seed", seed, "--out", out.toString()));
        args.addAll(List.of(more));
        CliHarness.Result result = minimax(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return out;
    }

    private static void assertOneLineError(CliHarness.Result result, String message)
    {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err().lines().toList()).as(result.err()).hasSize(1);
        assertThat(result.err()).startsWith("minimax: sample: ").contains(message);
        assertThat(result.out()).isEmpty();
    }

    private static double[][] read(Path csv)
            throws IOException
    {
        return Files.readAllLines(csv).stream()
                .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static double mean(double[][] samples, int column)
    {
        return Arrays.stream(samples).mapToDouble(row -> row[column]).average().orElseThrow();
    }

    private static double std(double[][] samples, int column)
    {
        double mean = mean(samples, column);
        return Math.sqrt(Arrays.stream(samples).mapToDouble(row -> (row[column] - mean) * (row[column] - mean)).sum() / samples.length);
    }
}
