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

    /** Adds to {@code sums[c]} the sum of column c over the first {@code rows} rows, in row order. */
    public static void addColumnSums(float[] matrix, int rows, int columns, float[] sums)
    {
        for (int r = 0; r < rows; r++) {
            int start = r * columns;
            for (int c = 0; c < columns; c++) {
                sums[c] += matrix[start + c];
            }
        }
    }
}
