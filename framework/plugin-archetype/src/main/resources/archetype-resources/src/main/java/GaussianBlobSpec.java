package ${package};

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/** The keys of {@code data: { type: example-gaussian-blob, ... }}; every problem is reported at once, with its key. */
public record GaussianBlobSpec(
        @Param(description = "x of the centre", defaultValue = "0.0") double x,
        @Param(description = "y of the centre", defaultValue = "0.0") double y,
        @Param(description = "standard deviation along each axis", defaultValue = "1.0") double std)
        implements PluginSpec
{
    public GaussianBlobSpec
    {
        SpecChecks.check()
                .that(Double.isFinite(x), "x", "must be finite (got " + x + ")")
                .that(Double.isFinite(y), "y", "must be finite (got " + y + ")")
                .positive("std", std)
                .orThrow();
    }
}
