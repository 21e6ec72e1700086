package io.minimax.nn.kernel;

/**
 * Which float products go to MKL's just-in-time kernels ({@code Mkl.sgemmJit}), and in how many rows a piece: the
 * toy networks' forward products and weight gradients, [64..1024, 64..128]·[64..128, 64..128] with b not transposed,
 * in whole pieces of 64 rows and with columns in multiples of 16. Only those MKL multiplies anyway: above OpenBLAS's
 * small-kernel bound of 10⁶ multiply-adds (under it OpenBLAS's small kernels are as fast). Measured one thread in C
 * on the project's Sapphire Rapids VM, µs per call:
 *
 * <table>
 * <caption>OpenBLAS, MKL's cblas_sgemm and MKL's JIT kernel</caption>
 * <tr><th>product</th><th>OpenBLAS</th><th>MKL</th><th>MKL JIT</th></tr>
 * <tr><td>[64,128]·[128,128]</td><td>18.4</td><td>13.8</td><td>10.4</td></tr>
 * <tr><td>[128,64]ᵀ·[64,128], a weight gradient at batch 64</td><td>17.7</td><td>12.8</td><td>10.7</td></tr>
 * <tr><td>[128,128]·[128,128]</td><td>29.8</td><td>23.7</td><td>30.0 whole, 2 × 10.4 in 64-row pieces</td></tr>
 * <tr><td>[64,128]·[128,128]ᵀ, an input gradient (not here)</td><td>18.5</td><td>14.2</td><td>12.7, other bits</td></tr>
 * </table>
 *
 * <p>MKL generates a kernel per shape once and keeps it; above 64 rows its kernels fall back to the packed path, so
 * larger products go as pieces of {@value #ROWS} rows of c (each element still sums its own k products). The bits
 * are OpenBLAS's: with k at most {@value #MAX_SIDE} every element is one chain of fused multiply-adds in order, in
 * either library, for these shapes (a unit test compares them bit for bit, at several offsets; a grid of other shapes
 * differed where c had 65 or 100 columns, or a piece 17 rows). With b transposed the JIT kernel sums
 * in another order, so those products stay with {@code cblas_sgemm}. (Transposing b first, 2.4 µs with MKL's
 * {@code somatcopy}, and multiplying it untransposed gives OpenBLAS's bits too, but made 16 toy lanes no faster.)
 */
final class JitRowPieces
{
    static final int ROWS = 64;
    // rows a multiple of a piece and columns of 16 floats: other shapes (100 columns, a last piece of 17 rows) gave other bits
    private static final int COLUMN_MULTIPLE = 16;
    private static final long MIN_SIDE = 64;
    private static final long MAX_SIDE = 128;
    private static final long MAX_ROWS = 1024;

    private JitRowPieces() {}

    /** Whether {@code c[m, n] = op(a)·op(b) + beta·c} ({@code [m, k]·[k, n]}, alpha 1) goes to the JIT kernels. */
    static boolean suits(long m, long n, long k, boolean transposeB, double alpha, double beta)
    {
        return !transposeB && alpha == 1.0 && (beta == 0.0 || beta == 1.0) && m * n * k > SmallKernelPieces.SMALL_KERNEL_LIMIT
                && m % ROWS == 0 && m <= MAX_ROWS
                && n % COLUMN_MULTIPLE == 0 && n >= MIN_SIDE && n <= MAX_SIDE && k >= MIN_SIDE && k <= MAX_SIDE;
    }
}
