package io.minimax.plugins.imagemetrics;

import io.minimax.plugins.imagemetrics.classifier.FashionMnistClassifier;
import io.minimax.spi.metric.FeatureExtractor;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The feature space {@code classifier} on Fashion-MNIST: the classifier's 128 penultimate activations (after the ReLU)
 * for the Fréchet and kernel distances and precision and recall, its softmax over the ten classes for class coverage.
 */
final class ClassifierFeatures
        implements FeatureExtractor
{
    private final FashionMnistClassifier classifier;

    ClassifierFeatures(FashionMnistClassifier classifier)
    {
        this.classifier = requireNonNull(classifier, "classifier is null");
    }

    @Override
    public int featureDimension()
    {
        return FashionMnistClassifier.FEATURES;
    }

    @Override
    public int classCount()
    {
        return FashionMnistClassifier.CLASSES;
    }

    @Override
    public Extraction extract(INDArray samples)
    {
        long[] shape = samples.shape();
        if (shape.length != 4 || !Arrays.equals(shape, 1, 4, FashionMnistClassifier.IMAGE_SHAPE, 0, 3)) {
            throw new IllegalArgumentException("the Fashion-MNIST classifier takes [n, 1, 28, 28] images, got " + Arrays.toString(shape));
        }
        FashionMnistClassifier.Outputs outputs = classifier.classify(samples);
        return new Extraction(outputs.features(), Optional.of(outputs.probabilities()));
    }
}
