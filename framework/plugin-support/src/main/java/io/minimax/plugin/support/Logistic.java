package io.minimax.plugin.support;

/**
 * The logistic function and softplus for one double, in the stable forms the {@link LossVariant} contract asks for:
 * log σ(f) = −softplus(−f) and log(1 − σ(f)) = −softplus(f) stay finite where {@code log(sigmoid(f))} rounds to
 * log 0. Shared by the losses, the engine's V̂ and the instruments, so there is one definition of D = σ(f).
 */
public final class Logistic
{
    private Logistic() {}

    /** softplus(x) = log(1 + eˣ), exact to rounding for every finite x. */
    public static double softplus(double x)
    {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** σ(x), without overflow of exp for large |x|. */
    public static double sigmoid(double x)
    {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double exp = Math.exp(x);
        return exp / (1 + exp);
    }
}
