package io.minimax.core.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a run's digits are to match, chosen in the descriptor ({@code reproducibility: fastest | portable}).
 * Float products depend on the BLAS kernel that computes them, and OpenBLAS picks its kernel by CPU.
 */
public enum Reproducibility
{
    /** The fastest kernel measured for this CPU family: the same digits on the same machine and BLAS build. */
    FASTEST,
    /** One kernel every supported x86-64 CPU runs ({@link BlasKernel#HASWELL}): the same digits on any such machine. */
    PORTABLE;

    public static final List<String> KEYS = Arrays.stream(values()).map(Reproducibility::key).toList();

    public String key()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Reproducibility> fromKey(String key)
    {
        return Arrays.stream(values()).filter(value -> value.key().equals(key)).findFirst();
    }
}
