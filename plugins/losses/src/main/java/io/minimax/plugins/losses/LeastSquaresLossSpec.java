package io.minimax.plugins.losses;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/** The targets of the least-squares GAN, named as in Mao et al. (2017). */
public record LeastSquaresLossSpec(
        @Param(description = "D's target for generated samples", defaultValue = "0.0") double a,
        @Param(description = "D's target for real samples", defaultValue = "1.0") double b,
        @Param(description = "the value G wants D to give generated samples", defaultValue = "1.0") double c)
        implements PluginSpec
{
    public LeastSquaresLossSpec
    {
        SpecChecks.check()
                .finite("a", a)
                .finite("b", b)
                .finite("c", c)
                .that(a != b, "b", "must differ from a, or D has nothing to tell apart (both " + b + ")")
                .orThrow();
    }
}
