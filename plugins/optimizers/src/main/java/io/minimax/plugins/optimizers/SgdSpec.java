package io.minimax.plugins.optimizers;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/** Plain gradient descent, {@code θ ← θ - lr·g}. */
public record SgdSpec(
        @Param(description = "Step size lr")
        double learningRate)
        implements PluginSpec
{
    public SgdSpec
    {
        SpecChecks.check()
                .positive("learningRate", learningRate)
                .orThrow();
    }
}
