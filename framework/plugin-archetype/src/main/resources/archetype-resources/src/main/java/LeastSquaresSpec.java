package ${package};

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/** The keys of {@code loss: { type: example-least-squares, ... }}. */
public record LeastSquaresSpec(
        @Param(description = "target for real samples", defaultValue = "1.0") double real,
        @Param(description = "target for generated samples", defaultValue = "0.0") double fake)
        implements PluginSpec
{
    public LeastSquaresSpec
    {
        SpecChecks.check().that(real != fake, "real", "must differ from fake (both " + real + ")").orThrow();
    }
}
