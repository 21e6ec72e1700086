package io.minimax.plugins.metrics;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.RandomSource;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.Density;
import io.minimax.spi.data.ModeMixture;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Optional;

/** K Gaussians of one σ equally spaced on a circle, the first at (radius, 0), written out for the tests. */
final class RingOfGaussians
        implements DataSource
{
    private final ModeMixture modes;
    private final RandomSource random;

    RingOfGaussians(int count, double radius, double std, long seed)
    {
        double[][] means = new double[count][];
        for (int k = 0; k < count; k++) {
            double angle = 2 * Math.PI * k / count;
            means[k] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
        this.modes = new ModeMixture(means, std);
        this.random = new SeededRandomSource(seed);
    }

    @Override
    public long[] sampleShape()
    {
        return new long[] {2};
    }

    @Override
    public void sample(INDArray out)
    {
        int count = Math.toIntExact(out.size(0));
        double[][] noise = new double[count][2];
        INDArray gaussian = Nd4j.create(out.dataType(), count, 2);
        random.gaussian(gaussian, 0, modes.std());
        double[][] draws = SampleRows.of(gaussian);
        for (int i = 0; i < count; i++) {
            double[] mean = modes.mean(random.scalars().nextInt(modes.modeCount()));
            noise[i][0] = mean[0] + draws[i][0];
            noise[i][1] = mean[1] + draws[i][1];
        }
        out.assign(Nd4j.createFromArray(noise).castTo(out.dataType()));
    }

    double logDensity(double[] point)
    {
        double std = modes.std();
        double largest = Double.NEGATIVE_INFINITY;
        double[] exponents = new double[modes.modeCount()];
        for (int k = 0; k < exponents.length; k++) {
            double[] mean = modes.mean(k);
            double squared = (point[0] - mean[0]) * (point[0] - mean[0]) + (point[1] - mean[1]) * (point[1] - mean[1]);
            exponents[k] = -squared / (2 * std * std);
            largest = Math.max(largest, exponents[k]);
        }
        double sum = 0;
        for (double exponent : exponents) {
            sum += Math.exp(exponent - largest);
        }
        return largest + Math.log(sum) - Math.log(exponents.length) - Math.log(2 * Math.PI * std * std);
    }

    @Override
    public Optional<Density> density()
    {
        return Optional.of(points -> {
            double[][] rows = SampleRows.of(points);
            double[] result = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                result[i] = logDensity(rows[i]);
            }
            return Nd4j.createFromArray(result);
        });
    }

    @Override
    public Optional<ModeMixture> modes()
    {
        return Optional.of(modes);
    }
}
