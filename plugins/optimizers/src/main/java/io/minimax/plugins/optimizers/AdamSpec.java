package io.minimax.plugins.optimizers;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/**
 * Adam as PyTorch computes it: {@code m ← β1·m + (1-β1)·g; v ← β2·v + (1-β2)·g²;
 * θ ← θ - lr·(m / (1-β1^t)) / (sqrt(v / (1-β2^t)) + ε)}.
 */
public record AdamSpec(
        @Param(description = "Step size lr", defaultValue = "0.0002")
        double learningRate,
        @Param(description = "Decay of the first-moment average, in [0, 1)", defaultValue = "0.9")
        double beta1,
        @Param(description = "Decay of the second-moment average, in [0, 1)", defaultValue = "0.999")
        double beta2,
        @Param(description = "Added to the bias-corrected root second moment, > 0", defaultValue = "1e-8")
        double epsilon)
        implements PluginSpec
{
    public AdamSpec
    {
        SpecChecks.check()
                .positive("learningRate", learningRate)
                .inHalfOpenRange("beta1", beta1, 0, 1)
                .inHalfOpenRange("beta2", beta2, 0, 1)
                .positive("epsilon", epsilon)
                .orThrow();
    }
}
