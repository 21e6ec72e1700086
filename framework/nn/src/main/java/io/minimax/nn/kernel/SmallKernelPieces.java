package io.minimax.nn.kernel;

/**
 * How to cut a float product {@code c[m, n] = op(a)·b} (row-major, b not transposed) into pieces that OpenBLAS's
 * SkylakeX build multiplies with its small-matrix kernels, when the whole is just above their bound.
 *
 * <p>OpenBLAS 0.3.19 takes a product of m·n·k ≤ 10⁶ to its small-matrix kernels, which read both operands in place
 * and write c directly; a larger one goes the packed way: both operands copied into aligned buffers, and c zeroed
 * first when beta is 0. For the toy networks' shapes the packing is most of the time: measured one thread on the
 * project's Sapphire Rapids VM, best of 3 × 20000 calls (µs):
 *
 * <table>
 * <caption>whole product against pieces</caption>
 * <tr><th>product</th><th>whole</th><th>pieces</th></tr>
 * <tr><td>[64,128]·[128,128]</td><td>17.8</td><td>12.7 (2 × 32 rows)</td></tr>
 * <tr><td>[128,128]·[128,128]</td><td>33.3</td><td>31.4–33.0 (4): not cut</td></tr>
 * <tr><td>[128,64]ᵀ·[64,128], a weight gradient at batch 64</td><td>19.0</td><td>13.3 (2)</td></tr>
 * <tr><td>[128,128]ᵀ·[128,128]</td><td>36.7</td><td>28.4–29.7 (4)</td></tr>
 * <tr><td>[256,128]ᵀ·[256,128]</td><td>73.6</td><td>57.8 (8)</td></tr>
 * </table>
 *
 * <p>The bits stay the same: both kernels sum each element's k products in order with fused multiply-adds from
 * zero, then add beta·c (for beta 0 or 1, alpha 1). That holds while the packed path takes k in one block (k ≤ 448,
 * SkylakeX's {@code SGEMM_DEFAULT_Q}) and while every piece is at least 32 wide, so that the small kernels run
 * their vector loops, not their reductions (a piece 8 columns wide gave other bits). The unit test checks it, bit
 * for bit, across these shapes.
 */
final class SmallKernelPieces
{
    static final int NONE = 0;

    // OpenBLAS's bound for its small-matrix kernels (m·n·k) and SkylakeX's block of k in the packed path
    static final long SMALL_KERNEL_LIMIT = 1_000_000;
    static final long MAX_K = 448;
    private static final int MIN_SIDE = 32;
    // beyond 8 pieces, and for plain products (a not transposed) beyond 2, the pieces were no faster (measured above)
    private static final int MAX_PIECES = 8;
    private static final int MAX_PLAIN_PIECES = 2;

    private SmallKernelPieces() {}

    /** The pieces for {@code op(a)·b} of {@code [m, k]·[k, n]}, as {@link #rows} and {@link #columns}; {@link #NONE} for whole. */
    static int of(long m, long n, long k, boolean transposeA)
    {
        long work = m * n * k;
        if (work <= SMALL_KERNEL_LIMIT || k > MAX_K) {
            return NONE;
        }
        int pieces = Integer.highestOneBit((int) Math.min(Integer.MAX_VALUE, (work - 1) / SMALL_KERNEL_LIMIT)) * 2;
        if (pieces > (transposeA ? MAX_PIECES : MAX_PLAIN_PIECES)) {
            return NONE;
        }
        // halve the longer side of the pieces until there are enough of them
        long rows = m;
        long columns = n;
        int rowPieces = 1;
        int columnPieces = 1;
        while (rowPieces * columnPieces < pieces) {
            if (columns >= rows) {
                columns /= 2;
                columnPieces *= 2;
            }
            else {
                rows /= 2;
                rowPieces *= 2;
            }
        }
        if (rows < MIN_SIDE || columns < MIN_SIDE || rows * rowPieces != m || columns * columnPieces != n) {
            return NONE;
        }
        return rowPieces << 8 | columnPieces;
    }

    static int rows(int pieces)
    {
        return pieces >>> 8;
    }

    static int columns(int pieces)
    {
        return pieces & 0xff;
    }
}
