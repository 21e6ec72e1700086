package io.minimax.plugins.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * How the kernel density estimate of p_g picks its bandwidth. The rules follow scipy's {@code gaussian_kde}, per axis
 * (a diagonal bandwidth): h_j = factor · σ̂_j with σ̂_j the generated samples' standard deviation along axis j.
 */
enum BandwidthRule
{
    /** Scott (1992): factor n^(−1/(d+4)); optimal for Gaussian data, too wide for narrow, well separated modes. */
    SCOTT("scott"),
    /** Silverman (1986): factor (n(d+2)/4)^(−1/(d+4)), slightly narrower than Scott's in one and two dimensions. */
    SILVERMAN("silverman"),
    /**
     * Leave-one-out likelihood cross-validation: the factor among 2^0, 2^(−1/2), …, 2^(−14) under which the other
     * generated samples' kernels give the held-out ones the highest likelihood. Follows narrow, separated modes
     * that Scott's and Silverman's rules smear; costs about 35 million kernel evaluations per fit.
     */
    CROSS_VALIDATION("cross-validation"),
    /** The spec's {@code bandwidth}, the same on every axis. */
    FIXED("fixed");

    private final String name;

    BandwidthRule(String name)
    {
        this.name = name;
    }

    static List<String> names()
    {
        return Arrays.stream(values()).map(rule -> rule.name).toList();
    }

    static BandwidthRule named(String name)
    {
        return Arrays.stream(values())
                .filter(rule -> rule.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown bandwidth rule '" + name + "' (known: "
                        + String.join(", ", names()) + ")"));
    }

    /** The factor that multiplies σ̂_j, for n samples in d dimensions (a rule of thumb: not cross-validation or fixed). */
    double factor(int n, int d)
    {
        return switch (this) {
            case SCOTT -> Math.pow(n, -1.0 / (d + 4));
            case SILVERMAN -> Math.pow(n * (d + 2) / 4.0, -1.0 / (d + 4));
            case CROSS_VALIDATION, FIXED ->
                    throw new IllegalStateException(name + " bandwidths come from the samples or the spec, not a factor");
        };
    }
}
