package io.minimax.nn.kernel;

import io.minimax.plugin.support.OpenBlasLibraries;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static io.minimax.nn.kernel.GaussianMatrices.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

/** Products cut into small-kernel pieces: which ones are cut, and that a cut product has the whole one's bits. */
class TestSmallKernelPieces
{
    @Test
    void cutsOnlyProductsJustAboveTheSmallKernelsBound()
    {
        // the toy networks' products at batch 64 and 128 (the discriminator's real and generated rows)
        assertThat(pieces(64, 128, 128, false)).containsExactly(1, 2);
        assertThat(pieces(128, 128, 128, false)).isNull();
        assertThat(pieces(128, 128, 64, true)).containsExactly(1, 2);
        assertThat(pieces(128, 128, 128, true)).containsExactly(2, 2);
        assertThat(pieces(128, 128, 256, true)).containsExactly(2, 4);
        // at or under the bound OpenBLAS takes the small kernels itself
        assertThat(pieces(64, 128, 122, false)).isNull();
        assertThat(pieces(100, 100, 100, true)).isNull();
        // k up to the packed path's block of k (448) is cut; beyond it that path sums in blocks, so the bits would change
        assertThat(pieces(128, 128, 448, true)).containsExactly(2, 4);
        assertThat(pieces(32, 64, 512, true)).isNull();
        // too many pieces, or pieces narrower than 32, or sides that do not halve evenly
        assertThat(pieces(256, 256, 256, true)).isNull();
        assertThat(pieces(64, 2048, 16, false)).isNull();
        assertThat(pieces(16, 4096, 32, true)).isNull();
        assertThat(pieces(64, 127, 128, true)).isNull();
        assertThat(pieces(64, 129, 128, false)).isNull();
    }

    @Test
    void aProductInPiecesHasTheWholeProductsBits()
    {
        // every shape below is cut on a SkylakeX OpenBLAS; elsewhere both sides are one call and trivially equal
        assertThat(Gemm.inSmallKernelPieces()).isEqualTo(OpenBlasLibraries.kernel().map("SkylakeX"::equalsIgnoreCase).orElse(false));
        int[][] shapes = { // m, n, k, a transposed
            {64, 128, 128, 0}, {64, 256, 64, 0}, {96, 128, 96, 0}, {64, 64, 448, 0},
            {128, 128, 64, 1}, {128, 128, 128, 1}, {128, 128, 256, 1}, {64, 256, 128, 1}, {256, 128, 64, 1}, {64, 64, 448, 1},
            {128, 128, 448, 1}};
        int checked = 0;
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            boolean transposeA = shape[3] == 1;
            assertThat(SmallKernelPieces.of(m, n, k, transposeA)).as("pieces of %s", Arrays.toString(shape))
                    .isNotEqualTo(SmallKernelPieces.NONE);
            INDArray a = transposeA ? gaussian(k, m, m + k) : gaussian(m, k, m + k);
            INDArray b = gaussian(k, n, n);
            for (double beta : new double[] {0.0, 1.0}) {
                INDArray start = gaussian(m, n, 7);
                INDArray pieces = start.dup();
                INDArray whole = start.dup();
                Gemm.gemm(a, b, pieces, transposeA, false, 1.0, beta);
                cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, CblasNoTrans, m, n, k, 1f, pointer(a),
                        transposeA ? m : k, pointer(b), n, (float) beta, pointer(whole), n);
                assertThat(pieces.data().asFloat()).as("%s, beta %s", Arrays.toString(shape), beta).isEqualTo(whole.data().asFloat());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2 * shapes.length);
    }

    /** {rows, columns} of the pieces, or null for a whole product. */
    private static int[] pieces(long m, long n, long k, boolean transposeA)
    {
        int pieces = SmallKernelPieces.of(m, n, k, transposeA);
        return pieces == SmallKernelPieces.NONE ? null : new int[] {SmallKernelPieces.rows(pieces), SmallKernelPieces.columns(pieces)};
    }

    private static FloatPointer pointer(INDArray array)
    {
        return new FloatPointer(array.data().addressPointer());
    }
}
