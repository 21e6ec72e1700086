package io.minimax.testkit;

import io.minimax.spi.PluginSpec;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.data.Density;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks a {@link DataSource} through its factory, as the framework builds it for a run: samples of the declared
 * shape in FLOAT and DOUBLE, finite; the same seed gives the same samples and another seed others; rows independent
 * of each other, of the next batch and of another seed's stream. Where it declares a {@link Density}: log p is finite
 * on its own samples and, for samples of one or two numbers, p integrates to 1 (±0.02) over a box around them.
 */
public final class DataSourceCheck
{
    private static final int GRID_1D = 20_000;
    private static final int GRID_2D = 600;

    private DataSourceCheck() {}

    public static <S extends PluginSpec> void check(String what, DataSourceFactory<S> factory, S spec)
    {
        DataSource source = factory.create(spec, TestContexts.plugin(42, DataType.DOUBLE));
        long[] sampleShape = source.sampleShape();
        assertThat(sampleShape).as("%s: sample shape", what).isNotEmpty();
        assertThat(Arrays.stream(sampleShape).allMatch(size -> size > 0))
                .as("%s: sample shape %s is positive", what, Arrays.toString(sampleShape)).isTrue();

        SampleChecks.check(what, sampleShape, (seed, dataType) -> factory.create(spec, TestContexts.plugin(seed, dataType))::sample);

        Optional<Density> density = source.density();
        if (density.isPresent()) {
            long length = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
            INDArray samples = SampleChecks.draw(source::sample, Shapes.withBatch(SampleChecks.batchSize(length), sampleShape),
                    DataType.DOUBLE);
            INDArray logDensity = density.get().logDensity(samples);
            assertThat(logDensity.length()).as("%s: one log density per sample", what).isEqualTo(samples.size(0));
            SampleChecks.assertFinite(what + ": log density of its own samples", logDensity);
            if (length <= 2) {
                assertThat(integral(density.get(), samples, sampleShape, (int) length))
                        .as("%s: the density integrates to 1 over a box around its samples", what)
                        .isCloseTo(1.0, within(0.02));
            }
        }
    }

    /** The midpoint rule over the samples' bounding box widened by a quarter of its size on every side. */
    private static double integral(Density density, INDArray samples, long[] sampleShape, int dimension)
    {
        double[][] rows = SampleChecks.rows(samples);
        double[] low = new double[dimension];
        double[] step = new double[dimension];
        int cells = dimension == 1 ? GRID_1D : GRID_2D;
        for (int j = 0; j < dimension; j++) {
            int column = j;
            double min = Arrays.stream(rows).mapToDouble(row -> row[column]).min().orElseThrow();
            double max = Arrays.stream(rows).mapToDouble(row -> row[column]).max().orElseThrow();
            double margin = Math.max((max - min) / 4, 1e-3);
            low[j] = min - margin;
            step[j] = (max - min + 2 * margin) / cells;
        }
        int points = dimension == 1 ? cells : cells * cells;
        double[] grid = new double[points * dimension];
        for (int p = 0; p < points; p++) {
            grid[p * dimension] = low[0] + (p % cells + 0.5) * step[0];
            if (dimension == 2) {
                grid[p * dimension + 1] = low[1] + (p / cells + 0.5) * step[1];
            }
        }
        INDArray logDensity = density.logDensity(Nd4j.createFromArray(grid).reshape(Shapes.withBatch(points, sampleShape)));
        double cellVolume = dimension == 1 ? step[0] : step[0] * step[1];
        return Arrays.stream(logDensity.castTo(DataType.DOUBLE).data().asDouble()).map(Math::exp).sum() * cellVolume;
    }
}
