package io.minimax.core.plot;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The coordinates of 1-D or 2-D samples as plain arrays, without the rows holding NaN or an infinity (a diverging
 * generator produces them, and one such point would wreck the axis ranges).
 *
 * @param columns {@code columns[dimension][row]}
 * @param dropped rows left out because a coordinate was not finite
 */
record SampleColumns(double[][] columns, int dropped)
{
    static SampleColumns of(INDArray samples, String name)
    {
        requireNonNull(samples, name + " is null");
        if (samples.rank() == 1) {
            return of(samples.reshape(samples.length(), 1), name);
        }
        if (samples.rank() != 2 || samples.columns() < 1 || samples.columns() > 2) {
            throw new IllegalArgumentException(name + " samples must have shape [n, 1] or [n, 2], not " + Arrays.toString(samples.shape()));
        }
        int dimension = samples.columns();
        // one copy of the whole buffer: toDoubleMatrix() goes row by row through native calls, ~40 µs each
        double[] values = samples.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        int rows = values.length / dimension;
        double[][] columns = new double[dimension][rows];
        int kept = 0;
        for (int row = 0; row < rows; row++) {
            boolean finite = true;
            for (int column = 0; column < dimension; column++) {
                finite &= Double.isFinite(values[row * dimension + column]);
            }
            if (finite) {
                for (int column = 0; column < dimension; column++) {
                    columns[column][kept] = values[row * dimension + column];
                }
                kept++;
            }
        }
        for (int column = 0; column < dimension; column++) {
            columns[column] = Arrays.copyOf(columns[column], kept);
        }
        return new SampleColumns(columns, rows - kept);
    }

    int dimension()
    {
        return columns.length;
    }

    int size()
    {
        return columns[0].length;
    }

    double minimum(int column)
    {
        return Arrays.stream(columns[column]).min().orElse(Double.NaN);
    }

    double maximum(int column)
    {
        return Arrays.stream(columns[column]).max().orElse(Double.NaN);
    }
}
