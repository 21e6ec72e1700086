package io.minimax.plugins.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * Samples as plain Java rows. The instruments work on a few thousand points, where one bulk copy out of native memory
 * and arithmetic in doubles beat a native op per step; {@code INDArray.toDoubleMatrix} reads element by element and
 * is far slower than the bulk copy.
 */
final class SampleRows
{
    private SampleRows() {}

    /** {@code [n, sampleShape...]} as {@code [n][values per sample]}, in doubles. */
    static double[][] of(INDArray samples)
    {
        requireNonNull(samples, "samples is null");
        int count = Math.toIntExact(samples.size(0));
        int width = Math.toIntExact(samples.length() / Math.max(1, count));
        double[] flat = values(samples);
        double[][] rows = new double[count][width];
        for (int i = 0; i < count; i++) {
            System.arraycopy(flat, i * width, rows[i], 0, width);
        }
        return rows;
    }

    /** Every element in C order, in doubles (a {@code [n, 1]} array of logits gives its n values). */
    static double[] values(INDArray array)
    {
        requireNonNull(array, "array is null");
        // a copy is contiguous and owns its buffer, so the buffer holds exactly this array's elements
        return array.dup('c').data().asDouble();
    }

    /** The sample standard deviation of each column. */
    static double[] columnStandardDeviations(double[][] rows)
    {
        int width = rows[0].length;
        double[] deviations = new double[width];
        for (int axis = 0; axis < width; axis++) {
            double mean = 0;
            for (double[] row : rows) {
                mean += row[axis];
            }
            mean /= rows.length;
            double squares = 0;
            for (double[] row : rows) {
                squares += (row[axis] - mean) * (row[axis] - mean);
            }
            deviations[axis] = rows.length > 1 ? Math.sqrt(squares / (rows.length - 1)) : 0;
        }
        return deviations;
    }
}
