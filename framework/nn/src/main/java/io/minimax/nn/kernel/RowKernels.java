package io.minimax.nn.kernel;

/** Loops over the rows of a row-major matrix held in a {@code float[]}, written so that the JIT vectorises them. */
public final class RowKernels
{
    private RowKernels() {}

    /** Adds {@code row} (length {@code columns}) to each of rows {@code firstRow} to {@code firstRow + rows}. */
    public static void addRow(float[] matrix, int firstRow, int rows, int columns, float[] row)
    {
        for (int r = firstRow; r < firstRow + rows; r++) {
            int start = r * columns;
            for (int c = 0; c < columns; c++) {
                matrix[start + c] += row[c];
            }
        }
    }

    /** {@code sums[c]} = the sum over rows {@code firstRow} to {@code firstRow + rows} of column c, in row order. */
    public static void columnSums(float[] matrix, int firstRow, int rows, int columns, float[] sums)
    {
        java.util.Arrays.fill(sums, 0, columns, 0f);
        for (int r = firstRow; r < firstRow + rows; r++) {
            int start = r * columns;
            for (int c = 0; c < columns; c++) {
                sums[c] += matrix[start + c];
            }
        }
    }
}
