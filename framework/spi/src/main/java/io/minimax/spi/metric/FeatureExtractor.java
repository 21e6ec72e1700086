package io.minimax.spi.metric;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Maps samples to the feature space in which feature-space metrics (Fréchet and kernel distances, precision and
 * recall, class coverage) compare generated with real data: for images, the penultimate layer of a classifier trained
 * on the data, and that classifier's class probabilities. Metrics call it from the training thread, with thousands of
 * samples at once; an implementation batches internally as its memory needs.
 */
public interface FeatureExtractor
{
    /** d, the length of one feature vector. */
    int featureDimension();

    /** K, the number of classes the extractor tells apart; 0 when it has no classifier head. */
    int classCount();

    /**
     * The features and class probabilities of {@code samples} ({@code [n, sampleShape...]}, not modified), as new
     * arrays owned by the caller.
     */
    Extraction extract(INDArray samples);

    /**
     * @param features {@code [n, d]}
     * @param classProbabilities {@code [n, K]}, rows summing to 1; empty when {@link #classCount()} is 0
     */
    record Extraction(INDArray features, Optional<INDArray> classProbabilities)
    {
        public Extraction
        {
            requireNonNull(features, "features is null");
            requireNonNull(classProbabilities, "classProbabilities is null");
            if (features.rank() != 2) {
                throw new IllegalArgumentException("features must be [n, d] (got rank " + features.rank() + ")");
            }
            classProbabilities.ifPresent(probabilities -> {
                if (probabilities.rank() != 2 || probabilities.size(0) != features.size(0)) {
                    throw new IllegalArgumentException("class probabilities must be [n, K] with the features' n = " + features.size(0));
                }
            });
        }
    }
}
