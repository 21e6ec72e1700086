package io.minimax.plugins.imagemetrics;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record ClassCoverageSpec(
        @Param(description = "The feature space whose classes are counted: auto (the data set's classifier where it has one; samples "
                + "otherwise), classifier (its ten classes) or samples (classes = the data's known modes)",
                defaultValue = "auto")
        String features,
        @Param(description = "Real samples whose predicted classes give the reference distribution, counted once per run",
                defaultValue = "10000")
        int realSamples,
        @Param(description = "A class is covered when it gets at least this fraction of its expected count n * p_k", defaultValue = "0.1")
        double minimumFraction)
        implements PluginSpec
{
    public ClassCoverageSpec
    {
        SpecChecks.check()
                .oneOf("features", features, FeatureSpaces.NAMES)
                .positive("realSamples", realSamples)
                .inClosedRange("minimumFraction", minimumFraction, 0, 1)
                .orThrow();
    }
}
