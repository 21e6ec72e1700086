package io.minimax.nn.kernel;

import io.minimax.plugin.support.Mkl;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

import static io.minimax.nn.kernel.GaussianMatrices.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Products through MKL's JIT kernels: which ones go there, and that they keep OpenBLAS's bits wherever the operands lie. */
class TestJitRowPieces
{
    @BeforeEach
    void useMkl()
    {
        // OpenBLAS first, as the platform loads them
        Nd4j.create(DataType.FLOAT, 1);
        Loader.load(openblas_nolapack.class);
    }

    @AfterEach
    void backToOpenBlas()
    {
        if (Mkl.availability().available()) {
            Mkl.use(false);
        }
    }

    @Test
    void takesTheToyNetworksSquareProductsWithBUntransposed()
    {
        // forward products and weight gradients of the 128-wide layers at batch 64, 128 (real and generated) and 256
        assertThat(JitRowPieces.suits(64, 128, 128, false, 1.0, 0.0)).isTrue();
        assertThat(JitRowPieces.suits(128, 128, 128, false, 1.0, 1.0)).isTrue();
        assertThat(JitRowPieces.suits(512, 128, 128, false, 1.0, 0.0)).isTrue();
        assertThat(JitRowPieces.suits(128, 128, 64, false, 1.0, 0.0)).isTrue();
        // input gradients (b transposed) sum in another order there; other alphas and betas are not the kernels' own
        assertThat(JitRowPieces.suits(64, 128, 128, true, 1.0, 0.0)).isFalse();
        assertThat(JitRowPieces.suits(64, 128, 128, false, 2.0, 0.0)).isFalse();
        assertThat(JitRowPieces.suits(64, 128, 128, false, 1.0, 0.5)).isFalse();
        // thin layers, long sums (the weight gradient at batch 256, image networks) and tall products stay where they were
        assertThat(JitRowPieces.suits(64, 2, 128, false, 1.0, 0.0)).isFalse();
        assertThat(JitRowPieces.suits(64, 128, 8, false, 1.0, 0.0)).isFalse();
        // under OpenBLAS's small-kernel bound (10^6 multiply-adds) its small kernels keep the product
        assertThat(JitRowPieces.suits(64, 64, 64, false, 1.0, 0.0)).isFalse();
        assertThat(JitRowPieces.suits(64, 128, 122, false, 1.0, 0.0)).isFalse();
        assertThat(JitRowPieces.suits(128, 128, 256, false, 1.0, 0.0)).isFalse();
        assertThat(JitRowPieces.suits(64, 512, 784, false, 1.0, 0.0)).isFalse();
        assertThat(JitRowPieces.suits(12544, 64, 64, false, 1.0, 0.0)).isFalse();
        // a last piece of other than 64 rows, or columns not in 16s, summed in another order in a grid of shapes
        assertThat(JitRowPieces.suits(100, 128, 128, false, 1.0, 0.0)).isFalse();
        assertThat(JitRowPieces.suits(64, 100, 100, false, 1.0, 0.0)).isFalse();
    }

    @Test
    void aJitProductHasOpenBlasBitsAtAnyOffset()
    {
        assumeTrue(Mkl.availability().available(), Mkl.availability().reason());
        int[][] shapes = { // m, n, k, a transposed
            {64, 128, 128, 0}, {128, 128, 128, 0}, {192, 128, 128, 0}, {512, 128, 128, 0}, {128, 64, 128, 0}, {128, 80, 112, 0},
            {128, 128, 64, 1}, {128, 128, 128, 1}, {64, 128, 128, 1}, {192, 96, 100, 1}};
        int checked = 0;
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            boolean transposeA = shape[3] == 1;
            assertThat(JitRowPieces.suits(m, n, k, false, 1.0, 0.0)).as(Arrays.toString(shape)).isTrue();
            for (int offset : new int[] {0, 1, 3, 13}) {
                // views at an offset into longer vectors, as a lockstep lane's parameters are
                INDArray a = transposeA ? view(gaussian(k, m, m + k), offset) : view(gaussian(m, k, m + k), offset);
                INDArray b = view(gaussian(k, n, n), offset);
                for (double beta : new double[] {0.0, 1.0}) {
                    INDArray start = gaussian(m, n, 7);
                    INDArray jit = view(start, offset);
                    INDArray openBlas = start.dup();
                    Mkl.use(true);
                    Gemm.gemm(a, b, jit, transposeA, false, 1.0, beta);
                    Mkl.use(false);
                    cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, CblasNoTrans, m, n, k, 1f, pointer(a.dup()),
                            transposeA ? m : k, pointer(b.dup()), n, (float) beta, pointer(openBlas), n);
                    assertThat(jit.dup().data().asFloat()).as("%s, offset %d, beta %s", Arrays.toString(shape), offset, beta)
                            .isEqualTo(openBlas.data().asFloat());
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(shapes.length * 4 * 2);
    }

    /** {@code matrix}'s values in a view that starts {@code offset} floats into a longer vector. */
    private static INDArray view(INDArray matrix, int offset)
    {
        long length = matrix.length();
        INDArray vector = Nd4j.create(DataType.FLOAT, 1, length + offset + 5);
        INDArray view = vector.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(offset, offset + length))
                .reshape('c', matrix.size(0), matrix.size(1));
        view.assign(matrix);
        return view;
    }

    private static FloatPointer pointer(INDArray array)
    {
        return new FloatPointer(array.data().addressPointer());
    }
}
