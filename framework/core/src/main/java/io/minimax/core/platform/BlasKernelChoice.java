package io.minimax.core.platform;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which OpenBLAS kernel a process asks for, and why. Measured side by side (one thread, {@code minimax bench toy}, median
 * ms/step at batch 64 / 256; the table is in the README):
 * <ul>
 * <li>AMD EPYC with AVX-512 (Zen 4): OpenBLAS 0.3.19 detects "Zen" and runs its AVX2 kernels, 0.575–0.593 / 1.890–1.901;
 *     {@code SKYLAKEX} 0.467–0.474 / 1.526–1.529, 1.23× faster; {@code HASWELL} 0.511–0.513 / 1.633–1.666.</li>
 * <li>Intel Xeon with AVX-512 (Sapphire Rapids class): detected, {@code SKYLAKEX} and {@code COOPERLAKE} within noise
 *     of each other; {@code HASWELL} 1.15–1.25× slower.</li>
 * </ul>
 * So a CPU with AVX-512 gets {@code SKYLAKEX}; others keep OpenBLAS's own detection, since no other family was measured.
 *
 * @param kernel the kernel to ask for; empty leaves the choice to OpenBLAS's detection
 * @param reason one line for the run's tags and the user
 */
public record BlasKernelChoice(Optional<String> kernel, String reason)
{
    public static final String VARIABLE = "OPENBLAS_CORETYPE";

    public BlasKernelChoice
    {
        requireNonNull(kernel, "kernel is null");
        requireNonNull(reason, "reason is null");
    }

    /**
     * @param userKernel {@value #VARIABLE} as the user set it, which always wins
     * @throws IllegalArgumentException when portable digits are asked of a CPU that cannot run the portable kernel
     */
    public static BlasKernelChoice choose(Reproducibility reproducibility, CpuInfo cpu, Optional<String> userKernel)
    {
        if (userKernel.isPresent() && !userKernel.get().isBlank()) {
            String kernel = userKernel.get().strip();
            boolean portable = BlasKernel.HASWELL.named(kernel);
            return new BlasKernelChoice(Optional.of(kernel), VARIABLE + "=" + kernel + " set by the user"
                    + (reproducibility == Reproducibility.PORTABLE && !portable
                            ? " (not HASWELL, so these digits are not the portable ones)" : ""));
        }
        return switch (reproducibility) {
            case PORTABLE -> {
                if (!BlasKernel.HASWELL.runsOn(cpu)) {
                    throw new IllegalArgumentException("reproducibility: portable needs a CPU with AVX2 and FMA (OpenBLAS's HASWELL "
                            + "kernel); "
                            + cpu + " has neither: use reproducibility: fastest");
                }
                yield new BlasKernelChoice(Optional.of(BlasKernel.HASWELL.name()),
                        "portable: HASWELL, the same digits on every x86-64 CPU with AVX2");
            }
            case FASTEST -> BlasKernel.SKYLAKEX.runsOn(cpu)
                    ? new BlasKernelChoice(Optional.of(BlasKernel.SKYLAKEX.name()), "fastest measured for CPUs with AVX-512")
                    : new BlasKernelChoice(Optional.empty(), "OpenBLAS's own detection (no faster kernel measured for this CPU)");
        };
    }
}
