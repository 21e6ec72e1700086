package io.minimax.plugins.imagemetrics;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/** The real set defaults to the evaluation's 2500 generated samples: the paper compares sets of equal size. */
public record PrecisionRecallSpec(
        @Param(description = "The feature space: auto (the data set's classifier where it has one, e.g. fashion-mnist; samples "
                + "otherwise), classifier or "
                + "samples (the samples' own values)", defaultValue = "auto")
        String features,
        @Param(description = "Real samples whose k-nearest-neighbour manifold is built once per run (the paper: as many as generated)",
                defaultValue = "2500")
        int realSamples,
        @Param(description = "The k of the k-nearest-neighbour radii (the paper: 3)", defaultValue = "3")
        int k)
        implements PluginSpec
{
    public PrecisionRecallSpec
    {
        SpecChecks.check()
                .oneOf("features", features, FeatureSpaces.NAMES)
                .positive("k", k)
                .that(realSamples > k, "realSamples", "must be > k (got " + realSamples + ")")
                .orThrow();
    }
}
