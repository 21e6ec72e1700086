package io.minimax.plugins.metrics;

/**
 * The logistic function and its logarithms in stable form, on the host: log σ(f) = −softplus(−f) and
 * log(1 − σ(f)) = −softplus(f) stay finite where {@code log(sigmoid(f))} would round to log 0.
 */
final class Logistic
{
    private Logistic() {}

    static double softplus(double x)
    {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x)
    {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
