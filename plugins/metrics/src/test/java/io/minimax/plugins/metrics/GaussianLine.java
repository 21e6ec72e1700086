package io.minimax.plugins.metrics;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.RandomSource;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.Density;
import io.minimax.spi.data.ModeMixture;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Optional;

/** N(mean, std²) on the line, written out for the tests: a data source with a closed-form density and one mode. */
final class GaussianLine
        implements DataSource
{
    private final double mean;
    private final double std;
    private final RandomSource random;

    GaussianLine(double mean, double std, long seed)
    {
        this.mean = mean;
        this.std = std;
        this.random = new SeededRandomSource(seed);
    }

    static double logDensity(double x, double mean, double std)
    {
        double z = (x - mean) / std;
        return -0.5 * z * z - Math.log(std) - 0.5 * Math.log(2 * Math.PI);
    }

    double logDensity(double x)
    {
        return logDensity(x, mean, std);
    }

    @Override
    public long[] sampleShape()
    {
        return new long[] {1};
    }

    @Override
    public void sample(INDArray out)
    {
        random.gaussian(out, mean, std);
    }

    @Override
    public Optional<Density> density()
    {
        return Optional.of(points -> {
            double[] values = SampleRows.values(points);
            double[] result = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = logDensity(values[i]);
            }
            return Nd4j.createFromArray(result);
        });
    }

    @Override
    public Optional<ModeMixture> modes()
    {
        return Optional.of(new ModeMixture(new double[][] {{mean}}, std));
    }
}
