package io.minimax.core.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSamplePlot
{
    @TempDir
    Path folder;

    @Test
    void rendersHeadless()
            throws IOException
    {
        Path file = folder.resolve("headless.png");
        SamplePlot.write(ring(100, 1.0, 1), ring(100, 1.0, 2), 0, file);

        // every plot test draws without a display, as the CLI does on a server
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
        assertThat(readPng(file).getWidth()).isEqualTo(SamplePlot.WIDTH);
    }

    @Test
    void scatterOfTwoDimensionalSamples()
            throws IOException
    {
        Path file = folder.resolve("artifacts").resolve(SamplePlot.fileName(500));

        assertThat(SamplePlot.write(ring(2500, 1.0, 1), ring(2500, 1.0, 2), 500, "loss=minimax seed=2", file)).isEqualTo(file);

        assertThat(file.getFileName().toString()).isEqualTo("samples-step-000500.png");
        BufferedImage image = readPng(file);
        assertThat(image.getWidth()).isEqualTo(SamplePlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(SamplePlot.HEIGHT);
        assertThat(countPixels(image, TestSamplePlot::isOrange)).as("generated points").isGreaterThan(500);
        assertThat(countPixels(image, TestSamplePlot::isBlue)).as("real points").isGreaterThan(500);
        assertThat(folder.resolve("artifacts").toFile().list()).containsExactly("samples-step-000500.png");
    }

    @Test
    void histogramsOfOneDimensionalSamples()
            throws IOException
    {
        Random random = new Random(3);
        float[][] generated = new float[2000][1];
        float[] real = new float[3000];
        for (int row = 0; row < generated.length; row++) {
            generated[row][0] = (float) (random.nextGaussian() + 2);
        }
        for (int row = 0; row < real.length; row++) {
            real[row] = (float) random.nextGaussian();
        }
        Path file = folder.resolve("samples-step-000010.png");

        SamplePlot.write(Nd4j.createFromArray(generated), Nd4j.createFromArray(real), 10, file);

        BufferedImage image = readPng(file);
        assertThat(image.getWidth()).isEqualTo(SamplePlot.WIDTH);
        assertThat(countPixels(image, TestSamplePlot::isOrange)).as("generated histogram").isGreaterThan(2000);
        assertThat(countPixels(image, TestSamplePlot::isBlue)).as("real histogram").isGreaterThan(2000);
    }

    @Test
    void nonFiniteSamplesAreLeftOut()
            throws IOException
    {
        INDArray generated = ring(100, 1.0, 4);
        generated.putScalar(new long[] {0, 0}, Float.NaN);
        generated.putScalar(new long[] {1, 1}, Float.POSITIVE_INFINITY);
        INDArray diverged = Nd4j.valueArrayOf(new long[] {50, 2}, Float.NaN);
        Path file = folder.resolve("nan.png");

        SamplePlot.write(generated, ring(100, 1.0, 5), 7, file);
        assertThat(readPng(file)).isNotNull();
        SamplePlot.write(diverged, ring(100, 1.0, 5), 8, file);
        assertThat(readPng(file)).isNotNull();
        assertThat(generated.getFloat(0, 0)).as("input is not modified").isNaN();
    }

    @Test
    void mismatchedOrUnsupportedShapesAreRejected()
    {
        Path file = folder.resolve("bad.png");
        assertThatThrownBy(() -> SamplePlot.write(ring(10, 1, 1), Nd4j.zeros(10, 1), 0, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generated samples are 2-D but real samples are 1-D");
        assertThatThrownBy(() -> SamplePlot.write(Nd4j.zeros(10, 3), Nd4j.zeros(10, 3), 0, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generated samples must have shape [n, 1] or [n, 2], not [10, 3]");
        assertThat(file).doesNotExist();
    }

    static INDArray ring(int count, double radius, long seed)
    {
        Random random = new Random(seed);
        float[][] points = new float[count][2];
        for (int row = 0; row < count; row++) {
            double angle = 2 * Math.PI * random.nextInt(8) / 8;
            points[row][0] = (float) (radius * Math.cos(angle) + 0.05 * random.nextGaussian());
            points[row][1] = (float) (radius * Math.sin(angle) + 0.05 * random.nextGaussian());
        }
        return Nd4j.createFromArray(points);
    }

    static BufferedImage readPng(Path file)
            throws IOException
    {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        return image;
    }

    interface PixelTest
    {
        boolean matches(int red, int green, int blue);
    }

    static int countPixels(BufferedImage image, PixelTest test)
    {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (test.matches((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean isOrange(int red, int green, int blue)
    {
        return red > 200 && blue < 170 && red - blue > 60;
    }

    private static boolean isBlue(int red, int green, int blue)
    {
        return blue > 150 && red < 170 && blue - red > 50;
    }
}
