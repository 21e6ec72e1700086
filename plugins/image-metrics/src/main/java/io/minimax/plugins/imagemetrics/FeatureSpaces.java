package io.minimax.plugins.imagemetrics;

import io.minimax.plugins.imagemetrics.classifier.ClassifierWeights;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.metric.FeatureExtractor;

import java.util.List;

/**
 * The feature spaces a metric's {@code features} parameter names: {@code samples} (the samples' own values),
 * {@code classifier} (the penultimate layer and class probabilities of the classifier Minimax trained on the run's
 * data, {@link DataSource#referenceClassifier()}), and {@code auto}, the default: the classifier where the data has
 * one, the samples otherwise.
 */
final class FeatureSpaces
{
    static final String AUTO = "auto";
    static final String SAMPLES = "samples";
    static final String CLASSIFIER = "classifier";
    static final List<String> NAMES = List.of(AUTO, SAMPLES, CLASSIFIER);
    /** The classifiers Minimax ships, by the name a data source gives. */
    static final String FASHION_MNIST = "fashion-mnist";

    private FeatureSpaces() {}

    static FeatureExtractor of(String name, DataSource data)
    {
        return switch (name) {
            case AUTO -> data.referenceClassifier().isPresent() ? of(CLASSIFIER, data) : new SampleFeatures(data);
            case SAMPLES -> new SampleFeatures(data);
            case CLASSIFIER -> classifier(data);
            default -> throw new IllegalArgumentException("unknown feature space '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }

    private static FeatureExtractor classifier(DataSource data)
    {
        String name = data.referenceClassifier().orElseThrow(() -> new IllegalArgumentException(
                "features: classifier: this data set has no classifier (Minimax has one for fashion-mnist); use features: samples"));
        if (!FASHION_MNIST.equals(name)) {
            throw new IllegalArgumentException("features: classifier: no classifier named '" + name + "' (known: " + FASHION_MNIST + ")");
        }
        return new ClassifierFeatures(ClassifierWeights.shipped());
    }
}
