package io.minimax.nn.kernel;

import io.minimax.plugin.support.Mkl;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static io.minimax.nn.kernel.GaussianMatrices.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Gemm's calls while MKL multiplies: the products above OpenBLAS's small-matrix bound, biases and their gradients. */
class TestGemmWithMkl
{
    @BeforeEach
    void useMkl()
    {
        // OpenBLAS first, as the platform loads them
        Nd4j.create(DataType.FLOAT, 1);
        Loader.load(openblas_nolapack.class);
        assumeTrue(Mkl.availability().available(), Mkl.availability().reason());
        Mkl.use(true);
    }

    @AfterEach
    void backToOpenBlas()
    {
        Mkl.use(false);
    }

    @Test
    void productsAboveTheBoundGoToMklAndBelowItKeepOpenBlasBits()
    {
        for (boolean transposeA : new boolean[] {false, true}) {
            for (boolean transposeB : new boolean[] {false, true}) {
                int m = 200;
                int n = 96;
                int k = 130;
                INDArray a = transposeA ? gaussian(k, m, 1) : gaussian(m, k, 1);
                INDArray b = transposeB ? gaussian(n, k, 2) : gaussian(k, n, 2);
                INDArray c = gaussian(m, n, 3);
                float[] left = a.data().asFloat();
                float[] right = b.data().asFloat();
                float[] start = c.data().asFloat();
                double[] expected = new double[m * n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int l = 0; l < k; l++) {
                            double fromA = transposeA ? left[l * m + i] : left[i * k + l];
                            sum += fromA * (transposeB ? right[j * k + l] : right[l * n + j]);
                        }
                        expected[i * n + j] = 2 * sum + 0.5 * start[i * n + j];
                    }
                }
                Gemm.gemm(a, b, c, transposeA, transposeB, 2.0, 0.5);
                assertClose(c, Nd4j.createFromArray(expected).reshape(m, n), 1e-4);
            }
        }
        // [64, 100]·[100, 100] is below the bound: OpenBLAS's small kernel, the same bits with MKL chosen or not
        INDArray a = gaussian(64, 100, 4);
        INDArray b = gaussian(100, 100, 5);
        INDArray withMkl = Nd4j.create(DataType.FLOAT, 64, 100);
        Gemm.gemm(a, b, withMkl, false, false, 1.0, 0.0);
        Mkl.use(false);
        INDArray without = Nd4j.create(DataType.FLOAT, 64, 100);
        Gemm.gemm(a, b, without, false, false, 1.0, 0.0);
        assertThat(withMkl.data().asFloat()).isEqualTo(without.data().asFloat());
    }

    @Test
    void biasesAndTheirGradientsGoToMkl()
    {
        INDArray ones = Nd4j.ones(DataType.FLOAT, 300, 1);
        INDArray row = gaussian(1, 70, 6);
        INDArray c = gaussian(300, 70, 7);
        INDArray expected = c.castTo(DataType.DOUBLE).addRowVector(row.castTo(DataType.DOUBLE));
        Gemm.addToRows(ones, row, c);
        assertClose(c, expected, 1e-6);

        INDArray target = gaussian(1, 70, 8);
        INDArray sums = c.castTo(DataType.DOUBLE).sum(true, 0).addi(target.castTo(DataType.DOUBLE).mul(0.25));
        Gemm.columnSums(ones, c, target, 0.25);
        assertClose(target, sums, 1e-5);
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance)
    {
        double[] got = actual.castTo(DataType.DOUBLE).data().asDouble();
        double[] want = expected.data().asDouble();
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as("element %d", i).isCloseTo(want[i], within(tolerance * (1 + Math.abs(want[i]))));
        }
    }
}
