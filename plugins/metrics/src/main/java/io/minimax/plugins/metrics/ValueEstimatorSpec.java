package io.minimax.plugins.metrics;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/** The minibatch sizes m = 1, 2, 4, …, largestBatch, the repeats per size and the size of the reference sample. */
public record ValueEstimatorSpec(
        @Param(description = "Largest minibatch size m, a power of two; V-hat is measured for m = 1, 2, 4, ..., largestBatch",
                defaultValue = "4096")
        int largestBatch,
        @Param(description = "Independent minibatches per size m", defaultValue = "1000")
        int repeats,
        @Param(description = "Real and generated samples for the large-sample expectation E[log D(x)] + E[log(1 - D(G(z)))]",
                defaultValue = "1048576")
        int referenceSamples)
        implements PluginSpec
{
    public ValueEstimatorSpec
    {
        SpecChecks.check()
                .that(largestBatch > 0 && Integer.bitCount(largestBatch) == 1 && largestBatch <= ValueEstimatorMetric.CHUNK_ROWS,
                        "largestBatch", "must be a power of two from 1 to " + ValueEstimatorMetric.CHUNK_ROWS + " (got " + largestBatch
                                + ")")
                .that(repeats >= 2, "repeats", "must be >= 2 to measure a spread (got " + repeats + ")")
                .that(referenceSamples >= 1000, "referenceSamples", "must be >= 1000 (got " + referenceSamples + ")")
                .orThrow();
    }
}
