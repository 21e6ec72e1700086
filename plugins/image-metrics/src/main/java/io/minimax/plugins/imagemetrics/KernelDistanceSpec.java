package io.minimax.plugins.imagemetrics;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record KernelDistanceSpec(
        @Param(description = "The feature space: auto (the data set's classifier where it has one, e.g. fashion-mnist; samples "
                + "otherwise), classifier or "
                + "samples (the samples' own values)", defaultValue = "auto")
        String features,
        @Param(description = "Real samples drawn and extracted once per run, which the subsets are drawn from", defaultValue = "10000")
        int realSamples,
        @Param(description = "Feature vectors of each set per subset, capped by the smaller set (KID paper, torch-fidelity: 1000)",
                defaultValue = "1000")
        int subsetSize,
        @Param(description = "Subsets averaged (KID paper, torch-fidelity: 100)", defaultValue = "100")
        int subsets)
        implements PluginSpec
{
    public KernelDistanceSpec
    {
        SpecChecks.check()
                .oneOf("features", features, FeatureSpaces.NAMES)
                .that(realSamples >= 2, "realSamples", "must be >= 2 (got " + realSamples + ")")
                .that(subsetSize >= 2, "subsetSize", "must be >= 2 (got " + subsetSize + ")")
                .positive("subsets", subsets)
                .orThrow();
    }
}
