package io.minimax.plugins.imagemetrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dense double matrices as Java rows, with the products done by one ND4J gemm each: a d × d product of feature
 * covariances or an n × m block of dot products is where these metrics spend their time.
 */
final class Matrices
{
    private Matrices() {}

    /** a · b, or a · bᵀ when {@code transposeB}. */
    static double[][] product(double[][] a, double[][] b, boolean transposeB)
    {
        INDArray result = Nd4j.create(DataType.DOUBLE, a.length, transposeB ? b.length : b[0].length);
        Nd4j.gemm(Nd4j.createFromArray(a), Nd4j.createFromArray(b), result, false, transposeB, 1.0, 0.0);
        return rows(result);
    }

    /**
     * The chosen rows as one {@code [chosen, d]} array, by one bulk copy (ND4J's {@code getRows} copies row by row,
     * a native op each).
     */
    static INDArray gather(double[][] rows, int[] chosen)
    {
        int width = rows[0].length;
        double[] flat = new double[chosen.length * width];
        for (int i = 0; i < chosen.length; i++) {
            System.arraycopy(rows[chosen[i]], 0, flat, i * width, width);
        }
        return Nd4j.createFromArray(flat).reshape(chosen.length, width);
    }

    /** aᵀ · a for rows a: the scatter matrix of (centred) samples. */
    static double[][] gram(double[][] a)
    {
        INDArray matrix = Nd4j.createFromArray(a);
        INDArray result = Nd4j.create(DataType.DOUBLE, a[0].length, a[0].length);
        Nd4j.gemm(matrix, matrix, result, true, false, 1.0, 0.0);
        return rows(result);
    }

    /** A 2-D array's elements as rows, by one bulk copy (element-wise reads out of native memory are far slower). */
    static double[][] rows(INDArray matrix)
    {
        int rows = Math.toIntExact(matrix.rows());
        int columns = Math.toIntExact(matrix.columns());
        double[] flat = matrix.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] result = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * columns, result[i], 0, columns);
        }
        return result;
    }

    static double trace(double[][] square)
    {
        double sum = 0;
        for (int i = 0; i < square.length; i++) {
            sum += square[i][i];
        }
        return sum;
    }
}
