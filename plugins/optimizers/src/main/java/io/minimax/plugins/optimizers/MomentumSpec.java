package io.minimax.plugins.optimizers;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/**
 * PyTorch's SGD with momentum (no dampening): {@code b ← μ·b + g}, then {@code θ ← θ - lr·b}, or with Nesterov
 * {@code θ ← θ - lr·(g + μ·b)}.
 */
public record MomentumSpec(
        @Param(description = "Step size lr")
        double learningRate,
        @Param(description = "Momentum μ, in [0, 1)", defaultValue = "0.9")
        double momentum,
        @Param(description = "Nesterov's accelerated gradient: step along g + μ·b instead of b", defaultValue = "false")
        boolean nesterov)
        implements PluginSpec
{
    public MomentumSpec
    {
        SpecChecks.check()
                .positive("learningRate", learningRate)
                .inHalfOpenRange("momentum", momentum, 0, 1)
                .that(!nesterov || momentum > 0, "nesterov", "needs momentum > 0 (got momentum " + momentum + ")")
                .orThrow();
    }
}
