package io.minimax.core.platform;

import io.minimax.plugin.support.Mkl;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Which library multiplies the float products that OpenBLAS would pack (above its small-matrix bound of 10⁶
 * multiply-adds): Intel MKL or OpenBLAS itself. Measured side by side on an Intel Xeon with AVX-512 (Sapphire Rapids
 * class), one thread, in the README: MKL runs W2's step 1.25× faster and W1's at batch 256 1.13×; at batch 64 W1's products
 * stay below the bound, where OpenBLAS's small kernels are as fast. So {@code fastest} takes MKL on Intel CPUs with
 * AVX-512; {@code portable} never does (its digits are OpenBLAS's HASWELL kernel's); no other CPU family was measured.
 * {@value #VARIABLE} ({@code mkl} or {@code openblas}) set by the user wins.
 *
 * @param mkl whether MKL multiplies them
 * @param reason one line for the run's tags and the user
 */
public record ProductLibraryChoice(boolean mkl, String reason)
{
    public static final String VARIABLE = "MINIMAX_BLAS";

    public ProductLibraryChoice
    {
        requireNonNull(reason, "reason is null");
    }

    /**
     * @param mklLoaded MKL's availability, loading it if need be: asked only where MKL could be chosen
     * @throws IllegalArgumentException for a {@value #VARIABLE} that is neither library, or MKL asked where it cannot run
     */
    public static ProductLibraryChoice choose(Reproducibility reproducibility, CpuInfo cpu, Optional<String> userChoice,
            Supplier<Mkl.Availability> mklLoaded)
    {
        Optional<String> asked = userChoice.map(value -> value.strip().toLowerCase(Locale.ROOT)).filter(value -> !value.isEmpty());
        if (asked.isPresent() && !asked.get().equals("mkl") && !asked.get().equals("openblas")) {
            throw new IllegalArgumentException(VARIABLE + "=" + userChoice.get().strip() + ": unknown library (known: mkl, openblas)");
        }
        if (asked.isPresent() && asked.get().equals("openblas")) {
            return new ProductLibraryChoice(false, "OpenBLAS: " + VARIABLE + "=openblas set by the user");
        }
        if (asked.isPresent()) {
            Mkl.Availability mkl = mklLoaded.get();
            if (reproducibility == Reproducibility.PORTABLE) {
                throw new IllegalArgumentException(VARIABLE + "=mkl: portable digits are OpenBLAS's HASWELL kernel's; "
                        + "use reproducibility: fastest with MKL");
            }
            if (!mkl.available()) {
                throw new IllegalArgumentException(VARIABLE + "=mkl: " + mkl.reason());
            }
            return new ProductLibraryChoice(true, mkl.version() + " above 10^6 multiply-adds: " + VARIABLE + "=mkl set by the user");
        }
        if (reproducibility == Reproducibility.PORTABLE) {
            return new ProductLibraryChoice(false, "OpenBLAS: portable");
        }
        if (!cpu.vendor().equals("GenuineIntel") || !cpu.has("avx512f")) {
            return new ProductLibraryChoice(false, "OpenBLAS: MKL was measured faster only on Intel CPUs with AVX-512");
        }
        Mkl.Availability mkl = mklLoaded.get();
        if (!mkl.available()) {
            return new ProductLibraryChoice(false, "OpenBLAS: " + mkl.reason());
        }
        return new ProductLibraryChoice(true, mkl.version() + " above 10^6 multiply-adds: fastest measured for Intel CPUs with AVX-512");
    }
}
