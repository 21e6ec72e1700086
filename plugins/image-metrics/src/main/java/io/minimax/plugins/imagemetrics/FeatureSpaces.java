package io.minimax.plugins.imagemetrics;

import io.minimax.spi.data.DataSource;
import io.minimax.spi.metric.FeatureExtractor;

import java.util.List;

/**
 * The feature spaces a metric's {@code features} parameter names. Only {@code samples} for now; the Fashion-MNIST
 * classifier's penultimate layer joins it as a {@link FeatureExtractor} once the classifier exists.
 */
final class FeatureSpaces
{
    static final String SAMPLES = "samples";
    static final List<String> NAMES = List.of(SAMPLES);

    private FeatureSpaces() {}

    static FeatureExtractor of(String name, DataSource data)
    {
        return switch (name) {
            case SAMPLES -> new SampleFeatures(data);
            default -> throw new IllegalArgumentException("unknown feature space '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }
}
