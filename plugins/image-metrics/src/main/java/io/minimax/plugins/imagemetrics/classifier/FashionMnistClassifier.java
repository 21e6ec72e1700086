package io.minimax.plugins.imagemetrics.classifier;

import io.minimax.nn.Activation;
import io.minimax.nn.ActivationLayer;
import io.minimax.nn.ChannelOrder;
import io.minimax.nn.Conv2d;
import io.minimax.nn.ConvGeometry;
import io.minimax.nn.Dense;
import io.minimax.nn.Layer;
import io.minimax.nn.SequentialNetwork;
import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.RandomSource;
import io.minimax.spi.data.LabeledImages;
import io.minimax.spi.network.NetworkMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The small CNN Minimax trains on Fashion-MNIST to put feature-space metrics on images (as TF-GAN's MNIST examples
 * do with their own classifier):
 * <pre>
 *   [1, 28, 28] → conv 32 (k4 s2 p1) → ReLU → conv 64 (k4 s2 p1) → ReLU → flatten 3136 → dense 128 → ReLU (the features)
 *               → dense 10 (the logits)
 * </pre>
 * Its parameters are one float vector in layer order, each layer's slice as {@code minimax-nn} lays it out (convolution
 * {@code W[F, C, k, k]} then {@code b[F]}; dense {@code W[in, out]} then {@code b[out]}). Not thread-safe.
 */
public final class FashionMnistClassifier
{
    public static final long[] IMAGE_SHAPE = {1, 28, 28};
    public static final int CLASSES = 10;
    public static final int FEATURES = 128;
    public static final List<String> ARCHITECTURE = List.of(
            "conv 1->32 k4 s2 p1 (28x28 -> 14x14)", "relu", "conv 32->64 k4 s2 p1 (14x14 -> 7x7)", "relu", "flatten 3136",
            "dense 3136->128", "relu (features)", "dense 128->10 (logits)");
    /** Rows per forward pass when classifying many images: bounded buffers, one cached batch size plus a remainder. */
    private static final int CHUNK = 500;

    private final SequentialNetwork features;
    private final SequentialNetwork head;

    private FashionMnistClassifier(float[] parameters)
    {
        long total = parameterCount();
        if (parameters.length != total) {
            throw new IllegalArgumentException("the classifier has " + total + " parameters, got " + parameters.length);
        }
        RandomSource unused = new SeededRandomSource(0);
        this.features = new SequentialNetwork(IMAGE_SHAPE, new long[] {FEATURES}, featureLayers(), DataType.FLOAT, unused);
        this.head = new SequentialNetwork(new long[] {FEATURES}, new long[] {CLASSES}, headLayers(), DataType.FLOAT, unused);
        int split = Math.toIntExact(features.parameterCount());
        load(features, Arrays.copyOfRange(parameters, 0, split));
        load(head, Arrays.copyOfRange(parameters, split, parameters.length));
        features.setMode(NetworkMode.INFERENCE);
        head.setMode(NetworkMode.INFERENCE);
    }

    /** A classifier with these parameters (copied), in the layout of {@link #parameters()}. */
    public static FashionMnistClassifier of(float[] parameters)
    {
        return new FashionMnistClassifier(requireNonNull(parameters, "parameters is null"));
    }

    /** The whole network, features and head, as one chain to train: initialised from {@code random}. */
    static SequentialNetwork untrained(RandomSource random)
    {
        List<Layer> layers = new java.util.ArrayList<>(featureLayers());
        layers.addAll(headLayers());
        return new SequentialNetwork(IMAGE_SHAPE, new long[] {CLASSES}, layers, DataType.FLOAT, random);
    }

    public static long parameterCount()
    {
        long count = 0;
        for (Layer layer : featureLayers()) {
            count += layer.parameterCount();
        }
        for (Layer layer : headLayers()) {
            count += layer.parameterCount();
        }
        return count;
    }

    /** The parameter vector, a new array. */
    public float[] parameters()
    {
        float[] first = features.parameters().toFloatVector();
        float[] second = head.parameters().toFloatVector();
        float[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /**
     * The penultimate features ({@code [n, 128]}) and class probabilities ({@code [n, 10]}) of {@code images}
     * ({@code [n, 1, 28, 28]} in [−1, 1], any floating-point type, not modified), as new double arrays.
     */
    public Outputs classify(INDArray images)
    {
        long rows = images.size(0);
        INDArray flat = images.castTo(DataType.FLOAT).reshape('c', new long[] {rows, IMAGE_SHAPE[0] * IMAGE_SHAPE[1] * IMAGE_SHAPE[2]});
        INDArray featureRows = Nd4j.create(DataType.DOUBLE, rows, FEATURES);
        double[] logits = new double[Math.toIntExact(rows * CLASSES)];
        for (long from = 0; from < rows; from += CHUNK) {
            long to = Math.min(rows, from + CHUNK);
            INDArray chunkFeatures = features.forward(flat.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
            featureRows.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(chunkFeatures.castTo(DataType.DOUBLE));
            double[] chunkLogits = head.forward(chunkFeatures).castTo(DataType.DOUBLE)
                    .reshape('c', new long[] {(to - from) * CLASSES}).toDoubleVector();
            System.arraycopy(chunkLogits, 0, logits, Math.toIntExact(from * CLASSES), chunkLogits.length);
        }
        double[] probabilities = SoftmaxCrossEntropy.probabilities(logits, CLASSES);
        return new Outputs(featureRows, Nd4j.createFromArray(probabilities).reshape('c', new long[] {rows, CLASSES}));
    }

    /** The fraction of {@code images} whose most probable class is their label. */
    public double accuracy(LabeledImages images)
    {
        int correct = 0;
        for (int from = 0; from < images.size(); from += CHUNK) {
            int[] indices = java.util.stream.IntStream.range(from, Math.min(images.size(), from + CHUNK)).toArray();
            INDArray batch = Nd4j.create(DataType.FLOAT, indices.length, IMAGE_SHAPE[0], IMAGE_SHAPE[1], IMAGE_SHAPE[2]);
            images.images(indices, batch);
            INDArray predicted = classify(batch).probabilities().argMax(1);
            for (int i = 0; i < indices.length; i++) {
                if (predicted.getInt(i) == images.label(indices[i])) {
                    correct++;
                }
            }
        }
        return (double) correct / images.size();
    }

    /** @param features {@code [n, 128]}; @param probabilities {@code [n, 10]}, rows summing to 1 */
    public record Outputs(INDArray features, INDArray probabilities)
    {
    }

    private static List<Layer> featureLayers()
    {
        ConvGeometry first = new ConvGeometry(1, 28, 28, 32, 4, 2, 1);
        ConvGeometry second = new ConvGeometry(32, first.outHeight(), first.outWidth(), 64, 4, 2, 1);
        return List.of(
                new Conv2d(first), new ActivationLayer(first.outputSize(), Activation.relu()),
                new Conv2d(second), new ActivationLayer(second.outputSize(), Activation.relu()),
                // the dense layer reads the feature maps channels-first, the order the shipped weights were trained in
                ChannelOrder.toChannelsFirst(second.filters(), second.outHeight() * second.outWidth()),
                new Dense(second.outputSize(), FEATURES, Activation.relu()));
    }

    private static List<Layer> headLayers()
    {
        return List.of(new Dense(FEATURES, CLASSES, Activation.identity()));
    }

    private static void load(SequentialNetwork network, float[] values)
    {
        INDArray parameters = Nd4j.create(DataType.FLOAT, 1, values.length);
        network.initialize(parameters, Nd4j.create(DataType.FLOAT, 1, values.length));
        // initialize drew random values; the trained ones replace them in place, where the layers' views look
        parameters.assign(Nd4j.createFromArray(values).reshape(1, values.length));
    }
}
