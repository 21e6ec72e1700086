package io.minimax.plugins.toydata;

import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.Density;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/** Draws and measures samples in plain Java, independently of the code under test. */
final class Samples
{
    private Samples() {}

    static double[][] draw(DataSource source, int count, DataType dataType)
    {
        long[] sampleShape = source.sampleShape();
        INDArray out = Nd4j.create(dataType, count, sampleShape[0]);
        source.sample(out);
        double[] flat = out.dup('c').data().asDouble();
        int dimension = Math.toIntExact(sampleShape[0]);
        double[][] rows = new double[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * dimension, (i + 1) * dimension);
        }
        return rows;
    }

    /** Index of the mean nearest to {@code point}. */
    static int nearest(double[] point, double[][] means)
    {
        int best = 0;
        for (int k = 1; k < means.length; k++) {
            if (distance(point, means[k]) < distance(point, means[best])) {
                best = k;
            }
        }
        return best;
    }

    static double distance(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    static double mean(double[][] points, int axis)
    {
        double sum = 0;
        for (double[] point : points) {
            sum += point[axis];
        }
        return sum / points.length;
    }

    /**
     * ∫∫ p over the square [low, high]², by a midpoint sum on a lattice of {@code step}. For a Gaussian of standard
     * deviation σ the lattice sum's relative error is about 2·exp(−2π²σ²/step²): 1e−34 at step σ/2.
     */
    static double integrateOverSquare(Density density, double low, double high, double step)
    {
        int cells = (int) Math.ceil((high - low) / step);
        double total = 0;
        double[][] row = new double[cells][2];
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                row[j][0] = low + (i + 0.5) * step;
                row[j][1] = low + (j + 0.5) * step;
            }
            for (double logDensity : density.logDensity(Nd4j.createFromArray(row)).toDoubleVector()) {
                total += Math.exp(logDensity);
            }
        }
        return total * step * step;
    }
}
