package io.minimax.plugins.imagemetrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * The eigendecomposition A = V diag(λ) Vᵀ of a real symmetric matrix, in double precision, by LAPACK's dsyev (ND4J's
 * CPU backend calls the OpenBLAS it already loads). Only the lower triangle of A is read.
 *
 * @param values the eigenvalues, ascending
 * @param vectors {@code vectors[i][k]} is component i of the unit eigenvector of {@code values[k]}
 */
record SymmetricEigen(double[] values, double[][] vectors)
{
    static SymmetricEigen of(double[][] matrix)
    {
        requireNonNull(matrix, "matrix is null");
        int size = matrix.length;
        for (double[] row : matrix) {
            if (row.length != size) {
                throw new IllegalArgumentException("the matrix is not square: " + size + " rows, a row of " + row.length);
            }
        }
        // LAPACK works in place and column-major: an 'f'-ordered copy comes back holding the eigenvectors as columns
        INDArray work = Nd4j.createFromArray(matrix).dup('f');
        INDArray values = Nd4j.create(DataType.DOUBLE, size);
        int status = Nd4j.getBlasWrapper().lapack().syev('V', 'L', work, values);
        if (status != 0) {
            throw new ArithmeticException("LAPACK dsyev did not converge (info " + status + ") on a " + size + " x " + size + " matrix");
        }
        return new SymmetricEigen(values.toDoubleVector(), Matrices.rows(work));
    }

    /** V diag(f(λ)) Vᵀ, symmetric by construction. */
    double[][] compose(double[] transformedValues)
    {
        int size = values.length;
        double[][] result = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = 0; k < size; k++) {
                    sum += vectors[i][k] * transformedValues[k] * vectors[j][k];
                }
                result[i][j] = sum;
                result[j][i] = sum;
            }
        }
        return result;
    }
}
