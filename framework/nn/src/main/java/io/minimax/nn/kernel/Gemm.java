package io.minimax.nn.kernel;

import io.minimax.plugin.support.Mkl;
import io.minimax.plugin.support.NativeArrays;
import io.minimax.plugin.support.OpenBlasLibraries;
import io.minimax.plugin.support.RecentByIdentity;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dger;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sger;

/**
 * {@code c = alpha·op(a)·op(b) + beta·c}, straight into OpenBLAS's {@code cblas_sgemm}/{@code cblas_dgemm} on the
 * arrays' own memory: the same library and kernels ND4J's CPU backend calls, without ND4J's per-op bookkeeping
 * (measured on the toy networks' shapes: {@code Nd4j.gemm} 31 µs, the direct call 20 µs for [64,128]·[128,128]; the
 * difference is all fixed cost, so it is most of the time of the smaller products).
 *
 * <p>Arrays that are not row-major with unit column stride, of mixed or other data types, or a backend other than
 * ND4J's native CPU one, go through {@code Nd4j.gemm} unchanged. A view's data buffer starts at the view's first
 * element, so views of rows or of a parameter vector need no offset here.
 *
 * <p>When MKL multiplies, the toy networks' square float products (64 to 128 wide, b untransposed) go to its
 * just-in-time kernels in pieces of 64 rows ({@link JitRowPieces}): OpenBLAS's bits, 1.3–1.8× faster.
 * Some float products just above OpenBLAS's bound for its small-matrix kernels go in a few pieces below it
 * ({@link SmallKernelPieces}): with the same result to the bit, 20–35 % faster. The other float products above that
 * bound, the ones OpenBLAS would pack, go to Intel MKL when the platform chose it ({@link Mkl#multiplies()}), 1.2–1.6×
 * faster on W2's shapes and 1.0–1.2× on W4's; below it, OpenBLAS's small kernels and the pieces measured as fast as MKL in
 * the step (sending them to MKL too did not make W1 or W2 faster). Float biases and their gradients then go to MKL too.
 */
public final class Gemm
{
    private static final boolean DIRECT = directCallsPossible();
    private static final boolean PIECES = piecesPossible();

    private Gemm() {}

    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha, double beta)
    {
        long m = c.size(0);
        long n = c.size(1);
        long k = transposeA ? a.size(0) : a.size(1);
        if ((transposeA ? a.size(1) : a.size(0)) != m || (transposeB ? b.size(1) : b.size(0)) != k
                || (transposeB ? b.size(0) : b.size(1)) != n) {
            throw new IllegalArgumentException("gemm shapes do not match: op(a) of " + Arrays.toString(a.shape()) + ", op(b) of "
                    + Arrays.toString(b.shape()) + ", c " + Arrays.toString(c.shape()));
        }
        if (!DIRECT || !rowMajor(a) || !rowMajor(b) || !rowMajor(c) || a.dataType() != c.dataType() || b.dataType() != c.dataType()) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
            return;
        }
        int transA = transposeA ? CblasTrans : CblasNoTrans;
        int transB = transposeB ? CblasTrans : CblasNoTrans;
        if (c.dataType() == DataType.FLOAT) {
            if (Mkl.multiplies() && JitRowPieces.suits(m, n, k, transposeB, alpha, beta) && a != c && b != c) {
                sgemmJitInRows(transposeA, (int) m, (int) n, (int) k, address(a).address(), leadingDimension(a), address(b).address(),
                        leadingDimension(b), (float) beta, address(c).address(), leadingDimension(c));
                return;
            }
            int pieces = PIECES && !transposeB && alpha == 1.0 && (beta == 0.0 || beta == 1.0) && a != b && a != c && b != c
                    ? SmallKernelPieces.of(m, n, k, transposeA)
                    : SmallKernelPieces.NONE;
            if (pieces != SmallKernelPieces.NONE) {
                sgemmInPieces(pieces, transposeA, (int) m, (int) n, (int) k, (float) beta, (FloatPointer) address(a), leadingDimension(a),
                        (FloatPointer) address(b), leadingDimension(b), (FloatPointer) address(c), leadingDimension(c));
                return;
            }
            if (Mkl.multiplies() && m * n * k > SmallKernelPieces.SMALL_KERNEL_LIMIT) {
                Mkl.sgemm(transposeA, transposeB, (int) m, (int) n, (int) k, (float) alpha, address(a).address(), leadingDimension(a),
                        address(b).address(), leadingDimension(b), (float) beta, address(c).address(), leadingDimension(c));
                return;
            }
            cblas_sgemm(CblasRowMajor, transA, transB, (int) m, (int) n, (int) k, (float) alpha,
                    (FloatPointer) address(a), leadingDimension(a), (FloatPointer) address(b), leadingDimension(b),
                    (float) beta, (FloatPointer) address(c), leadingDimension(c));
        }
        else {
            cblas_dgemm(CblasRowMajor, transA, transB, (int) m, (int) n, (int) k, alpha,
                    (DoublePointer) address(a), leadingDimension(a), (DoublePointer) address(b), leadingDimension(b),
                    beta, (DoublePointer) address(c), leadingDimension(c));
        }
    }

    /** {@code c = op(a)·b + beta·c} (alpha 1) through MKL's JIT kernels, {@link JitRowPieces#ROWS} rows of c at a time. */
    private static void sgemmJitInRows(boolean transposeA, int m, int n, int k, long a, int lda, long b, int ldb, float beta, long c,
            int ldc)
    {
        for (int row = 0; row < m; row += JitRowPieces.ROWS) {
            int rows = Math.min(JitRowPieces.ROWS, m - row);
            // op(a)'s rows: rows of a, or columns of a transposed
            long aRows = a + (long) Float.BYTES * (transposeA ? row : (long) row * lda);
            Mkl.sgemmJit(transposeA, rows, n, k, aRows, lda, b, ldb, beta, c + (long) Float.BYTES * row * ldc, ldc);
        }
    }

    /**
     * {@code c = op(a)·b + beta·c} (alpha 1) as {@link SmallKernelPieces#rows} × {@link SmallKernelPieces#columns}
     * products of c's blocks, each from the rows or columns of a and the columns of b that it needs, addressed in
     * place. The pointers are this thread's cached ones, moved for each piece and put back.
     */
    private static void sgemmInPieces(int pieces, boolean transposeA, int m, int n, int k, float beta, FloatPointer a, int lda,
            FloatPointer b, int ldb, FloatPointer c, int ldc)
    {
        int rows = m / SmallKernelPieces.rows(pieces);
        int columns = n / SmallKernelPieces.columns(pieces);
        int transA = transposeA ? CblasTrans : CblasNoTrans;
        try {
            for (int row = 0; row < m; row += rows) {
                // op(a)'s rows: rows of a, or columns of a transposed
                a.position(transposeA ? row : (long) row * lda);
                for (int column = 0; column < n; column += columns) {
                    b.position(column);
                    c.position((long) row * ldc + column);
                    cblas_sgemm(CblasRowMajor, transA, CblasNoTrans, rows, columns, k, 1f, a, lda, b, ldb, beta, c, ldc);
                }
            }
        }
        finally {
            a.position(0);
            b.position(0);
            c.position(0);
        }
    }

    /**
     * Whether products may go in {@link SmallKernelPieces}: direct calls to the SkylakeX kernels of OpenBLAS 0.3.19,
     * the only ones whose small-matrix path was checked to give the same bits as the packed one
     * ({@code -Dminimax.smallKernelPieces=false} turns it off, to measure the difference).
     */
    private static boolean piecesPossible()
    {
        if (!DIRECT || "false".equals(System.getProperty("minimax.smallKernelPieces"))) {
            return false;
        }
        return OpenBlasLibraries.kernel().map("SkylakeX"::equalsIgnoreCase).orElse(false);
    }

    /**
     * {@code c += 1·row}: adds the row vector {@code row} ({@code [1, n]}) to every row of {@code c} ({@code [rows, n]}),
     * a bias; {@code ones} holds at least {@code rows} ones ({@code [rows, 1]} or {@code [1, rows]}). OpenBLAS's rank-1
     * update ({@code ?ger}), which streams through {@code c} once: a product with an inner dimension of 1 costs several
     * times as much (measured: 1.1 against 0.2 ms for a [12544, 64] bias).
     */
    public static void addToRows(INDArray ones, INDArray row, INDArray c)
    {
        int rows = (int) c.size(0);
        int n = (int) c.size(1);
        if (row.length() != n || ones.length() < rows) {
            throw new IllegalArgumentException("addToRows shapes do not match: ones " + Arrays.toString(ones.shape()) + ", row "
                    + Arrays.toString(row.shape()) + ", c " + Arrays.toString(c.shape()));
        }
        if (!vectorCallsPossible(ones, row, c)) {
            gemm(ones.reshape('c', ones.length(), 1).get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()), row.reshape('c', 1, n), c,
                    false, false, 1.0, 1.0);
            return;
        }
        if (c.dataType() == DataType.FLOAT && Mkl.multiplies()) {
            Mkl.sger(rows, n, 1f, address(ones).address(), address(row).address(), address(c).address(), leadingDimension(c));
            return;
        }
        if (c.dataType() == DataType.FLOAT) {
            cblas_sger(CblasRowMajor, rows, n, 1f, (FloatPointer) address(ones), 1, (FloatPointer) address(row), 1,
                    (FloatPointer) address(c), leadingDimension(c));
        }
        else {
            cblas_dger(CblasRowMajor, rows, n, 1.0, (DoublePointer) address(ones), 1, (DoublePointer) address(row), 1,
                    (DoublePointer) address(c), leadingDimension(c));
        }
    }

    /**
     * {@code target = beta·target + 1ᵀ·a}: the column sums of {@code a} ({@code [rows, n]}) into {@code target}
     * ({@code [1, n]}), a bias gradient; {@code ones} as in {@link #addToRows}. OpenBLAS's matrix-vector product
     * ({@code ?gemv}), for the same reason.
     */
    public static void columnSums(INDArray ones, INDArray a, INDArray target, double beta)
    {
        int rows = (int) a.size(0);
        int n = (int) a.size(1);
        if (target.length() != n || ones.length() < rows) {
            throw new IllegalArgumentException("columnSums shapes do not match: ones " + Arrays.toString(ones.shape()) + ", a "
                    + Arrays.toString(a.shape()) + ", target " + Arrays.toString(target.shape()));
        }
        if (!vectorCallsPossible(ones, target, a)) {
            gemm(ones.reshape('c', 1, ones.length()).get(NDArrayIndex.all(), NDArrayIndex.interval(0, rows)), a, target.reshape('c', 1, n),
                    false, false, 1.0, beta);
            return;
        }
        if (a.dataType() == DataType.FLOAT && Mkl.multiplies()) {
            Mkl.sgemvTransposed(rows, n, 1f, address(a).address(), leadingDimension(a), address(ones).address(), (float) beta,
                    address(target).address());
            return;
        }
        if (a.dataType() == DataType.FLOAT) {
            cblas_sgemv(CblasRowMajor, CblasTrans, rows, n, 1f, (FloatPointer) address(a), leadingDimension(a),
                    (FloatPointer) address(ones), 1, (float) beta, (FloatPointer) address(target), 1);
        }
        else {
            cblas_dgemv(CblasRowMajor, CblasTrans, rows, n, 1.0, (DoublePointer) address(a), leadingDimension(a),
                    (DoublePointer) address(ones), 1, beta, (DoublePointer) address(target), 1);
        }
    }

    /** Direct calls, a row-major matrix, and two vectors of its type whose elements are contiguous. */
    private static boolean vectorCallsPossible(INDArray vector, INDArray otherVector, INDArray matrix)
    {
        return DIRECT && rowMajor(matrix) && vector.dataType() == matrix.dataType() && otherVector.dataType() == matrix.dataType()
                && NativeArrays.isContiguous(vector) && NativeArrays.isContiguous(otherVector);
    }

    /** Whether float products just above the small kernels' bound go in {@link SmallKernelPieces} here. */
    static boolean inSmallKernelPieces()
    {
        return PIECES;
    }

    /** Whether products go straight to OpenBLAS here (false: every call is {@code Nd4j.gemm}). */
    public static boolean direct()
    {
        return DIRECT;
    }

    private static Pointer address(INDArray array)
    {
        return ADDRESSES.get().of(array);
    }

    // The native addresses of the arrays multiplied most recently: addressPointer() costs a few JNI calls, and a
    // training step multiplies the same few dozen arrays every time. Per thread: lockstep sweeps multiply on several
    // threads at once.
    private static final ThreadLocal<RecentByIdentity<INDArray, Pointer>> ADDRESSES =
            ThreadLocal.withInitial(() -> new RecentByIdentity<>(64, Gemm::pointerTo));

    private static Pointer pointerTo(INDArray array)
    {
        Pointer address = array.data().addressPointer();
        return array.dataType() == DataType.FLOAT ? new FloatPointer(address) : new DoublePointer(address);
    }

    /** Rank 2, FLOAT or DOUBLE, unit stride along a row and rows at least a row apart (any row stride is a valid lda). */
    private static boolean rowMajor(INDArray array)
    {
        if (array.rank() != 2) {
            return false;
        }
        DataType type = array.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            return false;
        }
        long rows = array.size(0);
        long columns = array.size(1);
        boolean unitColumns = columns == 1 || array.stride(1) == 1;
        boolean rowsApart = rows == 1 || array.stride(0) >= columns;
        return unitColumns && rowsApart && rows <= Integer.MAX_VALUE && columns <= Integer.MAX_VALUE
                && array.stride(0) <= Integer.MAX_VALUE;
    }

    private static int leadingDimension(INDArray array)
    {
        return (int) Math.max(1, array.size(0) == 1 ? array.size(1) : Math.max(array.stride(0), array.size(1)));
    }

    private static boolean directCallsPossible()
    {
        try {
            String backend = Nd4j.getBackend().getClass().getName();
            if (!backend.contains("CpuBackend")) {
                return false;
            }
            // loads the library ND4J's CPU backend uses (already loaded by then: this only resolves the class)
            Class.forName("org.bytedeco.openblas.global.openblas_nolapack");
            return !"false".equals(System.getProperty("minimax.directBlas"));
        }
        catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
