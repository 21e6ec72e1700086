package io.minimax.plugin.support;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** MKL's products: loaded from the classpath, right against a double-precision product, and the same bits at any alignment. */
class TestMkl
{
    @BeforeAll
    static void loadOpenBlasFirst()
    {
        // as the platform does: ND4J's OpenBLAS and the direct products' copy, then MKL
        Nd4j.create(DataType.FLOAT, 1);
        Loader.load(openblas_nolapack.class);
    }

    @Test
    void leavesOpenBlasFirstInTheGlobalScope()
            throws Exception
    {
        // every library that binds cblas_sgemm or dgemm_ after MKL loaded must still find OpenBLAS's
        assumeTrue(Mkl.availability().available(), Mkl.availability().reason());
        for (String symbol : new String[] {"cblas_sgemm", "cblas_dgemm", "dgemm_", "dsyev_"}) {
            long address = Pointer.nativeValue(NativeLibrary.getProcess().getGlobalVariableAddress(symbol));
            assertThat(mappedFile(address)).as(symbol).contains("libopenblas");
        }
    }

    /** The file mapped at {@code address} in this process. */
    private static String mappedFile(long address)
            throws Exception
    {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] range = line.substring(0, line.indexOf(' ')).split("-");
            if (Long.parseUnsignedLong(range[0], 16) <= address && address < Long.parseUnsignedLong(range[1], 16)) {
                return line.substring(line.lastIndexOf(' ') + 1);
            }
        }
        return "none";
    }
    @Test
    void loadsOnAnAvx512MachineAndNamesItsVersion()
            throws Exception
    {
        boolean avx512 = Files.readString(Path.of("/proc/cpuinfo")).contains(" avx512f");
        Mkl.Availability mkl = Mkl.availability();
        assertThat(mkl.available()).as(mkl.reason()).isEqualTo(avx512);
        if (avx512) {
            assertThat(mkl.version()).matches("MKL 20\\d\\d\\.\\d+");
        }
        else {
            assertThat(mkl.reason()).contains("AVX-512");
        }
    }

    @Test
    void readsTheVersionOutOfMklsOwnString()
    {
        assertThat(Mkl.versionName("Intel(R) oneAPI Math Kernel Library Version 2025.2-Product Build 20250620 for Intel(R) 64 "
                + "architecture applications\0\0")).isEqualTo("MKL 2025.2");
        assertThat(Mkl.versionName("something else")).isEqualTo("something else");
    }

    @Test
    void multipliesEveryOrientationAsADoublePrecisionProductDoes()
    {
        assumeTrue(Mkl.availability().available(), Mkl.availability().reason());
        int m = 96;
        int n = 80;
        int k = 144;
        for (boolean transposeA : new boolean[] {false, true}) {
            for (boolean transposeB : new boolean[] {false, true}) {
                // leading dimensions wider than the rows, as for views of columns
                int lda = (transposeA ? m : k) + 3;
                int ldb = (transposeB ? k : n) + 5;
                int ldc = n + 7;
                float[] a = gaussian((transposeA ? k : m) * lda, 1);
                float[] b = gaussian((transposeB ? n : k) * ldb, 2);
                float[] c = gaussian(m * ldc, 3);
                FloatBuffer result = multiply(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, 0);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double expected = 0.5 * c[i * ldc + j];
                        for (int l = 0; l < k; l++) {
                            double left = transposeA ? a[l * lda + i] : a[i * lda + l];
                            double right = transposeB ? b[j * ldb + l] : b[l * ldb + j];
                            expected += 2.0 * left * right;
                        }
                        String orientation = (transposeA ? "T" : "N") + (transposeB ? "T" : "N");
                        assertThat((double) result.get(i * ldc + j)).as("%s [%d, %d]", orientation, i, j)
                                .isCloseTo(expected, within(1e-4 * Math.sqrt(k) * 4));
                    }
                }
            }
        }
    }

    @Test
    void aProductHasTheSameBitsWhereverItsOperandsLie()
    {
        // strict reproducible mode: a lockstep lane's arrays sit at other offsets than the same run's alone
        assumeTrue(Mkl.availability().available(), Mkl.availability().reason());
        int m = 256;
        int n = 128;
        int k = 128;
        float[] a = gaussian(m * k, 4);
        float[] b = gaussian(k * n, 5);
        float[] c = new float[m * n];
        FloatBuffer aligned = multiply(false, false, m, n, k, a, k, b, n, c, n, 0);
        for (int offset : new int[] {1, 3, 5, 13}) {
            FloatBuffer shifted = multiply(false, false, m, n, k, a, k, b, n, c, n, offset);
            for (int i = 0; i < m * n; i++) {
                assertThat(Float.floatToIntBits(shifted.get(i))).as("offset %d floats, element %d", offset, i)
                        .isEqualTo(Float.floatToIntBits(aligned.get(i)));
            }
        }
    }

    /**
     * {@code 2·op(a)·op(b) + 0.5·c} by MKL, each operand in native memory {@code offset} floats after a 64-byte boundary; the
     * result's buffer starts at c's first element.
     */
    private static FloatBuffer multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, int lda, float[] b, int ldb,
            float[] c, int ldc, int offset)
    {
        ByteBuffer[] memory = {aligned(a, offset), aligned(b, offset), aligned(c, offset)};
        Mkl.sgemm(transposeA, transposeB, m, n, k, 2f, address(memory[0], offset), lda, address(memory[1], offset), ldb, 0.5f,
                address(memory[2], offset), ldc);
        return memory[2].position(offset * Float.BYTES).slice().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static ByteBuffer aligned(float[] values, int offset)
    {
        ByteBuffer memory = ByteBuffer.allocateDirect((values.length + offset) * Float.BYTES + 128).alignedSlice(64)
                .order(ByteOrder.nativeOrder());
        memory.position(offset * Float.BYTES).slice().order(ByteOrder.nativeOrder()).asFloatBuffer().put(values);
        return memory;
    }

    private static long address(ByteBuffer memory, int offset)
    {
        return Pointer.nativeValue(Native.getDirectBufferPointer(memory)) + (long) offset * Float.BYTES;
    }

    private static float[] gaussian(int length, long seed)
    {
        Random random = new Random(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
