package io.minimax.plugin.support;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Intel oneMKL's float products ({@code cblas_sgemm}), for the products OpenBLAS 0.3.19 runs packed. On this project's
 * AVX-512 machines MKL multiplies W2's shapes 1.2–1.6× and W4's 1.0–1.2× faster than OpenBLAS (same call, one thread),
 * which no change of ours around OpenBLAS came near; it is what PyTorch's PyPI wheels multiply with.
 *
 * <p>The libraries come from JavaCPP's {@code mkl} redistributable jar (on the classpath; the CLI's jar carries the
 * five it needs) and are copied out once into a cache folder, since the dynamic loader needs files; they are called
 * through JNA's direct mapping with raw addresses (0.26 µs a call, measured), so neither JavaCPP's MKL classes nor a
 * newer JavaCPP than ND4J's is needed.
 *
 * <p>Loaded with GNU OpenMP threading (the {@code libgomp} ND4J already loaded, so a process has one OpenMP runtime) on
 * one thread per call, whatever {@code OMP_NUM_THREADS} says: MKL's bits may depend on its thread count, and Minimax
 * spends more cores on lanes and runs, not on one product. And in MKL's strict conditional-numerical-reproducibility mode for
 * AVX-512, so a product's bits do not depend on its operands' alignment (a lockstep lane's arrays are views at other
 * offsets than a run's own) or on the CPU model beyond AVX-512 (measured: no slower).
 *
 * <p>Process-wide state on purpose, like the OpenBLAS kernel: {@link #use} is set by the platform as a run starts.
 */
public final class Mkl
{
    private static final String FOLDER = "org/bytedeco/mkl/linux-x86_64/";
    /** The dispatcher, the interface and threading layers, the core and the AVX-512 kernels: all a float product loads. */
    private static final List<String> LIBRARIES = List.of("libmkl_rt.so.2", "libmkl_intel_lp64.so.2", "libmkl_gnu_thread.so.2",
            "libmkl_core.so.2", "libmkl_avx512.so.2");
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANSPOSE = 111;
    private static final int TRANSPOSE = 112;
    private static final int THREADING_GNU = 3;
    private static final int CBWR_AVX512 = 12;
    private static final int CBWR_STRICT = 0x10000;
    private static final int RTLD_LAZY = 0x1;
    private static final int RTLD_NOLOAD = 0x4;
    private static final int RTLD_GLOBAL = 0x100;

    private static volatile boolean inUse;

    private Mkl() {}

    /** MKL, loaded (once per process), or why it cannot be: not on the classpath, no AVX-512, a library that will not load. */
    public static Availability availability()
    {
        return Holder.AVAILABILITY;
    }

    /** Whether float products above OpenBLAS's small-matrix bound go to MKL in this process now. */
    public static boolean multiplies()
    {
        return inUse;
    }

    /**
     * Sends products to MKL from now on ({@code true}), or back to OpenBLAS.
     *
     * @throws IllegalStateException when MKL is not available, with the reason
     */
    public static void use(boolean mkl)
    {
        if (mkl && !availability().available()) {
            throw new IllegalStateException("MKL is not available: " + availability().reason());
        }
        inUse = mkl;
    }

    /** {@code c = alpha·op(a)·op(b) + beta·c}, row-major, on native addresses; only once {@link #availability()} said available. */
    public static void sgemm(boolean transposeA, boolean transposeB, int m, int n, int k, float alpha, long a, int lda, long b, int ldb,
            float beta, long c, int ldc)
    {
        Cblas.cblas_sgemm(ROW_MAJOR, transposeA ? TRANSPOSE : NO_TRANSPOSE, transposeB ? TRANSPOSE : NO_TRANSPOSE, m, n, k, alpha, a, lda,
                b, ldb, beta, c, ldc);
    }

    /**
     * {@code c = op(a)·b + beta·c} (alpha 1, b not transposed), row-major, on native addresses, through MKL's just-in-time
     * kernels ({@code mkl_sgemm_jit}): the first call of a shape generates a kernel for it, later ones find it in MKL's
     * cache and run it without packing either operand. For the toy networks' products 1.3–1.8× faster than
     * {@link #sgemm} or OpenBLAS on one core ([64, 128]·[128, 128]: 10.4 µs against 13.8 and 18.4, measured in C). For
     * the shapes the products choose it for (k at most 128, columns in 16s, pieces of 64 rows) the bits are OpenBLAS's:
     * each element is one chain of fused multiply-adds in order (the products' tests compare them). Only once
     * {@link #availability()} said available.
     */
    public static void sgemmJit(boolean transposeA, int m, int n, int k, long a, int lda, long b, int ldb, float beta, long c, int ldc)
    {
        JitArguments arguments = JIT_ARGUMENTS.get();
        // MKL's column-major view of the row-major product: cᵀ = bᵀ·op(a)ᵀ, so the operands swap and so do m and n
        ByteBuffer values = arguments.values;
        values.putInt(JitArguments.M, n);
        values.putInt(JitArguments.N, m);
        values.putInt(JitArguments.K, k);
        values.putInt(JitArguments.LDA, ldb);
        values.putInt(JitArguments.LDB, lda);
        values.putInt(JitArguments.LDC, ldc);
        values.putFloat(JitArguments.BETA, beta);
        long base = arguments.address;
        Cblas.mkl_sgemm_jit(base + JitArguments.NO_TRANSPOSE, base + (transposeA ? JitArguments.TRANSPOSE : JitArguments.NO_TRANSPOSE),
                base + JitArguments.M, base + JitArguments.N, base + JitArguments.K, base + JitArguments.ALPHA, b,
                base + JitArguments.LDA, a, base + JitArguments.LDB, base + JitArguments.BETA, c, base + JitArguments.LDC);
    }

    /** {@code a += alpha·x·yᵀ} (rank-1 update), row-major, unit strides; only once {@link #availability()} said available. */
    public static void sger(int m, int n, float alpha, long x, long y, long a, int lda)
    {
        Cblas.cblas_sger(ROW_MAJOR, m, n, alpha, x, 1, y, 1, a, lda);
    }

    /** {@code y = alpha·aᵀ·x + beta·y}, a row-major, unit strides; only once {@link #availability()} said available. */
    public static void sgemvTransposed(int m, int n, float alpha, long a, int lda, long x, float beta, long y)
    {
        Cblas.cblas_sgemv(ROW_MAJOR, TRANSPOSE, m, n, alpha, a, lda, x, 1, beta, y, 1);
    }

    /** Loaded or not, and what: {@code version} such as {@code MKL 2025.2}, or {@code reason} it is not. */
    public record Availability(boolean available, String version, String reason)
    {
        static Availability loaded(String version)
        {
            return new Availability(true, version, "");
        }

        static Availability missing(String reason)
        {
            return new Availability(false, "", reason);
        }
    }

    private static final class Holder
    {
        static final Availability AVAILABILITY = load();
    }

    private static Availability load()
    {
        if (Mkl.class.getClassLoader().getResource(FOLDER + LIBRARIES.get(0)) == null) {
            return Availability.missing("no " + FOLDER + LIBRARIES.get(0) + " on the classpath (JavaCPP's mkl linux-x86_64-redist jar)");
        }
        if (!avx512()) {
            return Availability.missing("this CPU has no AVX-512 (MKL was measured faster than OpenBLAS only with it)");
        }
        try {
            Path folder = cacheFolder();
            for (String library : LIBRARIES) {
                extract(FOLDER + library, folder.resolve(library));
            }
            // MKL's dispatcher opens its layers into the process's global scope, where their cblas_*, BLAS and LAPACK
            // symbols would take the place of OpenBLAS's for every library that binds one after this: ND4J's own products
            // and eigendecompositions and the direct OpenBLAS calls bind lazily, at their first call (seen: an image
            // run's Fréchet distance changed in its last bits with whether its first double product ran before MKL
            // loaded). The two OpenBLAS copies go into the global scope first, so every such lookup still finds OpenBLAS;
            // MKL's layers call each other by internal names, which OpenBLAS does not export.
            List<Path> openBlas = OpenBlasLibraries.loaded();
            if (openBlas.isEmpty()) {
                return Availability.missing("MKL must load after OpenBLAS (this process has not loaded OpenBLAS yet)");
            }
            for (Path library : openBlas) {
                if (Dl.INSTANCE.dlopen(library.toString(), RTLD_LAZY | RTLD_NOLOAD | RTLD_GLOBAL) == null) {
                    return Availability.missing("could not put " + library + " before MKL in the global scope");
                }
            }
            Native.register(Cblas.class, NativeLibrary.getInstance(folder.resolve(LIBRARIES.get(0)).toString(),
                    Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY)));
            // the threading layer must be set before MKL's first other call
            Cblas.MKL_Set_Threading_Layer(THREADING_GNU);
            Cblas.MKL_Set_Num_Threads(1);
            int strict = Cblas.MKL_CBWR_Set(CBWR_AVX512 | CBWR_STRICT);
            if (strict != 0) {
                return Availability.missing("MKL refused its strict reproducible AVX-512 mode (MKL_CBWR_Set returned " + strict + ")");
            }
            byte[] version = new byte[256];
            Cblas.MKL_Get_Version_String(version, version.length);
            return Availability.loaded(versionName(new String(version, StandardCharsets.US_ASCII)));
        }
        catch (IOException | LinkageError | RuntimeException e) {
            return Availability.missing("MKL did not load: " + e.getMessage());
        }
    }

    /** {@code Intel(R) oneAPI Math Kernel Library Version 2025.2-Product Build 20250620 for ...} → {@code MKL 2025.2}. */
    static String versionName(String text)
    {
        String trimmed = text.replace("\0", "").strip();
        int version = trimmed.indexOf("Version ");
        if (version < 0) {
            return trimmed;
        }
        String number = trimmed.substring(version + "Version ".length()).split("[\\s-]", 2)[0];
        return "MKL " + number;
    }

    private static boolean avx512()
    {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(line -> List.of(line.substring(line.indexOf(':') + 1).strip().split("\\s+")))
                    .map(flags -> flags.contains("avx512f") && flags.contains("avx512bw") && flags.contains("avx512vl"))
                    .orElse(false);
        }
        catch (IOException e) {
            return false;
        }
    }

    /**
     * A folder per MKL build, under the user's cache (the temporary folder when that cannot be made), so that every later
     * process loads the copies the first one made.
     */
    private static Path cacheFolder()
            throws IOException
    {
        String build = "mkl-" + buildVersion();
        Path home = Path.of(System.getProperty("user.home", System.getProperty("java.io.tmpdir")), ".cache", "minimax", build);
        try {
            return Files.createDirectories(home);
        }
        catch (IOException e) {
            String user = System.getProperty("user.name", "user");
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "minimax-" + user, build));
        }
    }

    private static String buildVersion()
    {
        try (InputStream in = Mkl.class.getClassLoader().getResourceAsStream("META-INF/maven/org.bytedeco/mkl/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        }
        catch (IOException e) {
            // the size check below still catches a stale copy
        }
        return "unknown";
    }

    /**
     * Copies a library out of the classpath unless a copy of the same size is there. Through a temporary file and an atomic
     * move, so that processes starting together (a Slurm array's tasks sharing a home folder) never load a half-written copy.
     */
    private static void extract(String resource, Path target)
            throws IOException
    {
        URL url = Mkl.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IOException("no " + resource + " on the classpath");
        }
        URLConnection connection = url.openConnection();
        long size = connection.getContentLengthLong();
        if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
            return;
        }
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            Files.deleteIfExists(partial);
        }
    }

    private static final ThreadLocal<JitArguments> JIT_ARGUMENTS = ThreadLocal.withInitial(JitArguments::new);

    /**
     * The scalars {@code mkl_sgemm_jit} takes by address (its Fortran-style interface), in native memory of one thread:
     * written with plain Java stores into a direct buffer, where setting them through JNA would cost a native call each.
     */
    private static final class JitArguments
    {
        static final int NO_TRANSPOSE = 0;
        static final int TRANSPOSE = 1;
        static final int M = 4;
        static final int N = 8;
        static final int K = 12;
        static final int LDA = 16;
        static final int LDB = 20;
        static final int LDC = 24;
        static final int ALPHA = 28;
        static final int BETA = 32;

        private final ByteBuffer values = ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());
        private final long address = Pointer.nativeValue(Native.getDirectBufferPointer(values));

        JitArguments()
        {
            values.put(NO_TRANSPOSE, (byte) 'N');
            values.put(TRANSPOSE, (byte) 'T');
            values.putFloat(ALPHA, 1f);
        }
    }

    /** The dynamic loader's {@code dlopen}, in the C library since glibc 2.34 and in {@code libdl} before. */
    private interface Dl
            extends Library
    {
        Dl INSTANCE = load();

        Pointer dlopen(String file, int mode);

        private static Dl load()
        {
            try {
                return Native.loadLibrary("dl", Dl.class);
            }
            catch (UnsatisfiedLinkError e) {
                return Native.loadLibrary("c", Dl.class);
            }
        }
    }

    /** The C functions, bound by JNA's direct mapping to the dispatcher library once it is loaded. */
    @SuppressWarnings("checkstyle:MethodName")
    private static final class Cblas
    {
        private Cblas() {}

        static native int MKL_Set_Threading_Layer(int layer);

        static native void MKL_Set_Num_Threads(int threads);

        static native int MKL_CBWR_Set(int settings);

        static native void MKL_Get_Version_String(byte[] buffer, int length);

        static native void cblas_sgemm(int layout, int transposeA, int transposeB, int m, int n, int k, float alpha, long a, int lda,
                long b, int ldb, float beta, long c, int ldc);

        static native void mkl_sgemm_jit(long transposeA, long transposeB, long m, long n, long k, long alpha, long a, long lda, long b,
                long ldb, long beta, long c, long ldc);

        static native void cblas_sger(int layout, int m, int n, float alpha, long x, int incX, long y, int incY, long a, int lda);

        static native void cblas_sgemv(int layout, int transpose, int m, int n, float alpha, long a, int lda, long x, int incX, float beta,
                long y, int incY);
    }
}
