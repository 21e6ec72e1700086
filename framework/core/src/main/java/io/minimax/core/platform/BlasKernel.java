package io.minimax.core.platform;

import java.util.Locale;

/**
 * The OpenBLAS kernels Minimax chooses between, by their {@code OPENBLAS_CORETYPE} names, with the instruction-set
 * flags a CPU must report to run them: a kernel forced on a CPU without them dies with an illegal instruction.
 */
public enum BlasKernel
{
    /** AVX-512 (F, CD, BW, DQ, VL): Intel Skylake-SP and later, AMD Zen 4 and later. */
    SKYLAKEX("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"),
    /** AVX2 with FMA: every x86-64 CPU since Intel Haswell (2013) and AMD Zen (2017). */
    HASWELL("avx2", "fma");

    private final String[] requiredFlags;

    BlasKernel(String... requiredFlags)
    {
        this.requiredFlags = requiredFlags;
    }

    String[] requiredFlags()
    {
        return requiredFlags.clone();
    }

    boolean runsOn(CpuInfo cpu)
    {
        return cpu.has(requiredFlags);
    }

    /** Whether OpenBLAS's name for its kernel in use ({@code openblas_get_corename}, e.g. {@code Haswell}) is this one. */
    boolean named(String coreName)
    {
        return name().equals(coreName.strip().toUpperCase(Locale.ROOT));
    }
}
