package io.minimax.plugins.imagemetrics;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record FrechetDistanceSpec(
        @Param(description = "The feature space: auto (the data set's classifier where it has one, e.g. fashion-mnist; samples "
                + "otherwise), classifier or "
                + "samples (the samples' own values)", defaultValue = "auto")
        String features,
        @Param(description = "Real samples whose feature statistics are computed once per run", defaultValue = "10000")
        int realSamples)
        implements PluginSpec
{
    public FrechetDistanceSpec
    {
        SpecChecks.check()
                .oneOf("features", features, FeatureSpaces.NAMES)
                .that(realSamples >= 2, "realSamples", "must be >= 2 (got " + realSamples + ")")
                .orThrow();
    }
}
