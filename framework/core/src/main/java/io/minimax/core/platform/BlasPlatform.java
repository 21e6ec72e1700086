package io.minimax.core.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.minimax.plugin.support.Mkl;
import io.minimax.plugin.support.OpenBlasLibraries;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The BLAS kernel of this process. OpenBLAS reads {@value BlasKernelChoice#VARIABLE} once, when its library loads
 * (ND4J loads one copy, the direct products another), so the choice must be in the process's environment before the
 * first array is made: {@link #prepare} puts it there with the C library's {@code setenv} (through JNA, which ND4J
 * already ships), and refuses a portable run in a process whose OpenBLAS already runs another kernel.
 * {@link #loaded()} asks the loaded libraries which kernel they run, for the run's tags.
 * <p>
 * Process-wide state on purpose: the native library is loaded once per process, whatever the number of runs.
 */
public final class BlasPlatform
{
    private static BlasKernelChoice prepared;
    private static ProductLibraryChoice products;

    private BlasPlatform() {}

    /** What one process's OpenBLAS runs, as its libraries report it, and which library multiplies the larger products. */
    public record Loaded(String kernel, String version, BlasKernelChoice choice, ProductLibraryChoice products, CpuInfo cpu)
    {
        /** {@code SkylakeX}, or {@code SkylakeX + MKL} where MKL multiplies the larger products: for one-line reports. */
        public String summary()
        {
            return products.mkl() ? kernel + " + MKL" : kernel;
        }

        /** The line {@code minimax run} and a Slurm task print first: the library, its kernel, and why each. */
        public String description()
        {
            return "BLAS: " + version + ", kernel " + kernel + " (" + choice.reason() + "); larger products: " + products.reason();
        }

        /** The tags that let a comparison between machines see why digits differ. */
        public Map<String, String> tags()
        {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("minimax.blas.kernel", kernel);
            tags.put("minimax.blas.version", version);
            tags.put("minimax.blas.choice", choice.reason());
            tags.put("minimax.blas.products", products.reason());
            tags.put("minimax.cpu", cpu.toString());
            return tags;
        }
    }

    /**
     * Chooses the kernel for {@code reproducibility}, sets it for this process unless OpenBLAS is already loaded, loads
     * OpenBLAS, chooses the library of the larger products ({@link ProductLibraryChoice}) and reports what it runs. Call it
     * before the first array is made.
     *
     * @throws IllegalArgumentException when the choice cannot be honoured: portable digits on a CPU without AVX2, or in a
     *     process whose OpenBLAS already runs another kernel, or MKL asked for where it cannot run
     */
    public static synchronized Loaded install(Reproducibility reproducibility)
    {
        prepare(reproducibility);
        Loaded loaded = loaded();
        restoreEnvironment();
        boolean userChose = System.getenv(BlasKernelChoice.VARIABLE) != null;
        if (reproducibility == Reproducibility.PORTABLE && !userChose && !BlasKernel.HASWELL.named(loaded.kernel())) {
            throw new IllegalArgumentException("reproducibility: portable asked OpenBLAS for its HASWELL kernel, but it runs "
                    + loaded.kernel());
        }
        // after OpenBLAS has loaded: MKL must come after it in the process's global scope (see Mkl)
        ProductLibraryChoice library = ProductLibraryChoice.choose(reproducibility, loaded.cpu(),
                Optional.ofNullable(System.getenv(ProductLibraryChoice.VARIABLE)), Mkl::availability);
        Mkl.use(library.mkl());
        products = library;
        return new Loaded(loaded.kernel(), loaded.version(), loaded.choice(), library, loaded.cpu());
    }

    private static BlasKernelChoice prepare(Reproducibility reproducibility)
    {
        BlasKernelChoice choice = BlasKernelChoice.choose(reproducibility, CpuInfo.current(),
                Optional.ofNullable(System.getenv(BlasKernelChoice.VARIABLE)));
        if (OpenBlasLibraries.loaded().isEmpty()) {
            try {
                if (System.getenv(BlasKernelChoice.VARIABLE) == null && choice.kernel().isPresent()) {
                    setEnvironment(choice.kernel().get());
                }
                else if (choice.kernel().isEmpty() && prepared != null && prepared.kernel().isPresent()) {
                    // an earlier prepare of this process set another kernel
                    CLibrary.INSTANCE.unsetenv(BlasKernelChoice.VARIABLE);
                }
            }
            catch (LinkageError e) {
                // JNA's native part could not load (no writable temporary folder, say)
                if (reproducibility == Reproducibility.PORTABLE) {
                    throw new IllegalArgumentException("reproducibility: portable cannot set " + BlasKernelChoice.VARIABLE
                            + " in this process ("
                            + e.getMessage() + "): start minimax with " + BlasKernelChoice.VARIABLE + "=HASWELL");
                }
                choice = new BlasKernelChoice(Optional.empty(), "OpenBLAS's own detection (could not set " + BlasKernelChoice.VARIABLE
                        + ": " + e.getMessage() + ")");
            }
            prepared = choice;
            return choice;
        }
        String running = OpenBlasLibraries.kernel().orElse("unknown");
        if (reproducibility == Reproducibility.PORTABLE && !BlasKernel.HASWELL.named(running)) {
            throw new IllegalArgumentException("reproducibility: portable needs OpenBLAS's HASWELL kernel, but this process already runs "
                    + running + ": start the portable run in a minimax process of its own");
        }
        boolean asPrepared = prepared != null && prepared.kernel().map(kernel -> kernel.equalsIgnoreCase(running)).orElse(true);
        if (!asPrepared) {
            prepared = new BlasKernelChoice(Optional.of(running), "loaded before Minimax chose (by an embedding program or a test)");
        }
        return prepared;
    }

    /** Loads OpenBLAS if needed (choosing the fastest kernel, when nothing chose before) and asks it which kernel it runs. */
    public static synchronized Loaded loaded()
    {
        if (prepared == null) {
            prepare(Reproducibility.FASTEST);
        }
        if (OpenBlasLibraries.loaded().size() < 2) {
            // both copies read the variable as they load: the direct products' library, and ND4J's own with its backend
            org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
            Nd4j.getBackend();
        }
        List<Path> libraries = OpenBlasLibraries.loaded();
        String kernel = OpenBlasLibraries.call(libraries, "openblas_get_corename").orElse("unknown");
        String version = OpenBlasLibraries.call(libraries, "openblas_get_config").map(BlasPlatform::version).orElse("unknown");
        ProductLibraryChoice library = products != null && products.mkl() == Mkl.multiplies()
                ? products
                : new ProductLibraryChoice(Mkl.multiplies(), Mkl.multiplies() ? Mkl.availability().version() + " above 10^6 multiply-adds"
                        : "OpenBLAS");
        return new Loaded(kernel, version, prepared, library, CpuInfo.current());
    }

    /**
     * Once both OpenBLAS copies have read it, the variable goes back to what the user had: a process this one starts
     * (the MLflow server, a child {@code minimax}, a Slurm task) inherits the C environment, and must choose for itself
     * rather than take this process's choice for the user's.
     */
    private static void restoreEnvironment()
    {
        if (System.getenv(BlasKernelChoice.VARIABLE) != null || prepared == null || prepared.kernel().isEmpty()) {
            // the user's own value (System.getenv never sees setenv), or nothing was set
            return;
        }
        try {
            CLibrary.INSTANCE.unsetenv(BlasKernelChoice.VARIABLE);
        }
        catch (LinkageError e) {
            // nothing could have been set without JNA either
        }
    }

    /** {@code OpenBLAS 0.3.19 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64} → {@code OpenBLAS 0.3.19}. */
    static String version(String config)
    {
        String[] words = config.strip().split("\\s+");
        return words.length >= 2 ? words[0] + " " + words[1] : config.strip();
    }

    private static void setEnvironment(String kernel)
    {
        if (CLibrary.INSTANCE.setenv(BlasKernelChoice.VARIABLE, kernel, 1) != 0) {
            throw new IllegalStateException("cannot set " + BlasKernelChoice.VARIABLE + " for this process");
        }
    }

    /**
     * The two functions of the C library this needs; Java can read its environment but not change it. Loaded on first
     * use, as an interface constant, so that a JNA that cannot load fails there, as a {@link LinkageError}.
     */
    private interface CLibrary
            extends Library
    {
        CLibrary INSTANCE = Native.loadLibrary("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);

        int unsetenv(String name);
    }
}
