package io.minimax.core.plot;

import io.minimax.spi.tracking.MetricPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.minimax.core.plot.TestSamplePlot.countPixels;
import static io.minimax.core.plot.TestSamplePlot.readPng;
import static org.assertj.core.api.Assertions.assertThat;

class TestTrajectoryPlot
{
    @TempDir
    Path folder;

    @Test
    void drawsAnOutwardSpiralWithItsEnds()
            throws IOException
    {
        List<MetricPoint> theta = new ArrayList<>();
        List<MetricPoint> psi = new ArrayList<>();
        for (int step = 0; step <= 600; step++) {
            double radius = 1 + step / 600.0;
            theta.add(new MetricPoint("dirac/theta", radius * Math.cos(step / 20.0), step, 0));
            psi.add(new MetricPoint("dirac/psi", radius * Math.sin(step / 20.0), step, 0));
        }
        Path file = folder.resolve("trajectory.png");

        assertThat(TrajectoryPlot.write("dirac/theta", theta, "dirac/psi", psi, "spiral", file)).isEqualTo(file);

        BufferedImage image = readPng(file);
        assertThat(image.getWidth()).isEqualTo(TrajectoryPlot.SIZE);
        assertThat(image.getHeight()).isEqualTo(TrajectoryPlot.SIZE);
        assertThat(countPixels(image, (red, green, blue) -> blue > 150 && red < 100)).as("the blue path").isGreaterThan(1000);
        assertThat(countPixels(image, (red, green, blue) -> red > 180 && green < 80 && blue < 80)).as("the red end").isGreaterThan(20);
    }

    @Test
    void pairsByStepAndLeavesOutWhatCannotBeDrawn()
            throws IOException
    {
        List<MetricPoint> theta = List.of(
                new MetricPoint("x", 1, 0, 0), new MetricPoint("x", Double.NaN, 1, 0), new MetricPoint("x", 0.5, 2, 0),
                new MetricPoint("x", 9, 3, 0));
        List<MetricPoint> psi = List.of(new MetricPoint("y", 1, 0, 0), new MetricPoint("y", 1, 1, 0), new MetricPoint("y", -0.5, 2, 0));
        Path file = folder.resolve("trajectory.png");

        TrajectoryPlot.write("x", theta, "y", psi, "gaps", file);
        assertThat(readPng(file).getWidth()).isEqualTo(TrajectoryPlot.SIZE);

        TrajectoryPlot.write("x", List.of(), "y", List.of(), "nothing logged", file);
        assertThat(readPng(file).getWidth()).isEqualTo(TrajectoryPlot.SIZE);

        TrajectoryPlot.write("x", List.of(new MetricPoint("x", 0, 0, 0)), "y", List.of(new MetricPoint("y", 0, 0, 0)), "at the origin",
                file);
        assertThat(readPng(file).getWidth()).isEqualTo(TrajectoryPlot.SIZE);
    }
}
