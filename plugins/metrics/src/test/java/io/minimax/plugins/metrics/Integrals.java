package io.minimax.plugins.metrics;

import java.util.function.DoubleUnaryOperator;

/** Composite Simpson's rule, the tests' independent reference for integrals on the line. */
final class Integrals
{
    private Integrals() {}

    static double simpson(DoubleUnaryOperator function, double low, double high, int intervals)
    {
        int even = intervals % 2 == 0 ? intervals : intervals + 1;
        double width = (high - low) / even;
        double sum = function.applyAsDouble(low) + function.applyAsDouble(high);
        for (int i = 1; i < even; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * function.applyAsDouble(low + i * width);
        }
        return sum * width / 3;
    }

    /** JSD(N(μ1, σ1²) ‖ N(μ2, σ2²)) in nats, from its definition ½ KL(p ‖ m) + ½ KL(q ‖ m). */
    static double jensenShannonOfGaussians(double mean1, double std1, double mean2, double std2)
    {
        DoubleUnaryOperator integrand = x -> {
            double p = Math.exp(GaussianLine.logDensity(x, mean1, std1));
            double q = Math.exp(GaussianLine.logDensity(x, mean2, std2));
            double m = (p + q) / 2;
            // far out in the tails p and q underflow; their terms vanish there
            return m > 0 ? 0.5 * (p > 0 ? p * Math.log(p / m) : 0) + 0.5 * (q > 0 ? q * Math.log(q / m) : 0) : 0;
        };
        double low = Math.min(mean1 - 40 * std1, mean2 - 40 * std2);
        double high = Math.max(mean1 + 40 * std1, mean2 + 40 * std2);
        return simpson(integrand, low, high, 400_000);
    }
}
