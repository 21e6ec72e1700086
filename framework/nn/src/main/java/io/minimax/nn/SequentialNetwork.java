package io.minimax.nn;

import io.minimax.spi.RandomSource;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A chain of {@link Layer}s as a {@link Network}. All parameters live in the one flat {@code [1, n]} vector the
 * framework hands over ({@link #initialize}) and all gradients in another, in layer order; layers work on views of
 * their slices, so an optimizer updates the whole network with one native op and the next forward pass sees the update.
 *
 * <p>Samples of any shape are flattened: an input {@code [m, d1, d2, ...]} is read as {@code [m, d1·d2·...]} (a view
 * when the input is contiguous), the output is returned as {@code [m, outputShape...]} and the input gradient as
 * {@code [m, inputShape...]}.
 *
 * <p>Buffers are preallocated per batch size on first use and kept for the {@value #CACHED_BATCH_SIZES} most recently
 * used batch sizes, so a training loop that alternates a few batch sizes (2m and m for the discriminator, a large
 * evaluation batch) allocates nothing after its first iteration. {@link #backward} uses the state of the last
 * {@link #forward} with the same batch size, and reads that forward's input again: the caller must not change it
 * in between. Not thread-safe.
 *
 * <p>Supports double backpropagation ({@link #backwardInputGradient}) exactly, through every layer's tangent passes,
 * when every layer does ({@link Layer#supportsDoubleBackpropagation}).
 *
 * <p>Layers with state ({@link Layer#stateCount}) get slices of one state vector the network allocates and owns, in
 * layer order; {@link #state()} names it {@value #STATE}.
 */
public final class SequentialNetwork
        implements Network
{
    static final int CACHED_BATCH_SIZES = 8;
    /** The name of the state vector in {@link #state()}. */
    public static final String STATE = "layer-state";

    private final long[] inputShape;
    private final long[] outputShape;
    private final long inputSize;
    private final long outputSize;
    private final List<Layer> layers;
    private final DataType dataType;
    private final long parameterCount;
    private final long stateCount;
    private final boolean doubleBackpropagation;
    private boolean training = true;
    // drawn from once, by initialize
    private RandomSource random;
    private INDArray parameters;
    private INDArray gradients;
    private final List<INDArray> parameterSlices = new ArrayList<>();
    private final List<INDArray> gradientSlices = new ArrayList<>();
    private INDArray state;
    private final List<INDArray> stateSlices = new ArrayList<>();
    // Most recently used first; linear search beats hashing boxed keys for a handful of entries.
    private final List<NetworkPass> passes = new ArrayList<>();

    /**
     * A network of {@code layers} computing in {@code dataType}, without parameters until {@link #initialize} hands
     * it its vectors; it then initialises every layer in order from {@code random}.
     */
    public SequentialNetwork(long[] inputShape, long[] outputShape, List<? extends Layer> layers, DataType dataType, RandomSource random)
    {
        this.inputShape = requireNonNull(inputShape, "inputShape is null").clone();
        this.outputShape = requireNonNull(outputShape, "outputShape is null").clone();
        this.layers = List.copyOf(requireNonNull(layers, "layers is null"));
        this.dataType = requireNonNull(dataType, "dataType is null");
        this.random = requireNonNull(random, "random is null");
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("a network computes in a floating-point type (got " + dataType + ")");
        }
        this.inputSize = Shapes.elementCount(inputShape);
        this.outputSize = Shapes.elementCount(outputShape);
        this.parameterCount = this.layers.stream().mapToLong(Layer::parameterCount).sum();
        this.stateCount = this.layers.stream().mapToLong(Layer::stateCount).sum();
        this.doubleBackpropagation = this.layers.stream().allMatch(Layer::supportsDoubleBackpropagation);
        checkChain();
    }

    @Override
    public long[] inputShape()
    {
        return inputShape.clone();
    }

    @Override
    public long[] outputShape()
    {
        return outputShape.clone();
    }

    public List<Layer> layers()
    {
        return layers;
    }

    public DataType dataType()
    {
        return dataType;
    }

    @Override
    public long parameterCount()
    {
        return parameterCount;
    }

    /** Takes the vectors as its layers' slices, in layer order, and initialises every layer in order. */
    @Override
    public void initialize(INDArray parameters, INDArray gradients)
    {
        if (random == null) {
            throw new IllegalStateException("the network is initialised already");
        }
        checkVector("parameters", parameters);
        checkVector("gradients", gradients);
        this.parameters = parameters;
        this.gradients = gradients;
        this.state = Nd4j.create(dataType, 1, Math.max(1, stateCount));
        long offset = 0;
        long stateOffset = 0;
        for (Layer layer : layers) {
            long end = offset + layer.parameterCount();
            parameterSlices.add(slice(parameters, offset, end));
            gradientSlices.add(slice(gradients, offset, end));
            offset = end;
            long stateEnd = stateOffset + layer.stateCount();
            stateSlices.add(slice(state, stateOffset, stateEnd));
            stateOffset = stateEnd;
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).parameterCount() > 0) {
                layers.get(i).initialize(parameterSlices.get(i), random);
            }
            if (layers.get(i).stateCount() > 0) {
                layers.get(i).initializeState(stateSlices.get(i));
            }
        }
        random = null;
    }

    @Override
    public INDArray forward(INDArray input)
    {
        long batchSize = checkBatch("input", input, inputSize, inputShape);
        return pass(batchSize).forward(flatten(input, batchSize, inputSize), training);
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients)
    {
        long batchSize = checkBatch("outputGradient", outputGradient, outputSize, outputShape);
        NetworkPass pass = findPass(batchSize);
        if (pass == null) {
            throw new IllegalStateException("backward for batch size " + batchSize + " without a forward pass of that size");
        }
        return pass.backward(flatten(outputGradient, batchSize, outputSize), parameterGradients);
    }

    @Override
    public void backwardToParameters(INDArray outputGradient)
    {
        long batchSize = checkBatch("outputGradient", outputGradient, outputSize, outputShape);
        NetworkPass pass = findPass(batchSize);
        if (pass == null) {
            throw new IllegalStateException("backward for batch size " + batchSize + " without a forward pass of that size");
        }
        pass.backwardToParameters(flatten(outputGradient, batchSize, outputSize));
    }

    @Override
    public boolean supportsDoubleBackpropagation()
    {
        return doubleBackpropagation;
    }

    /** The state vector ({@code [1, stateCount]}) as {@value #STATE}, when a layer has state; empty otherwise. */
    @Override
    public Map<String, INDArray> state()
    {
        if (stateCount == 0 || state == null) {
            return Map.of();
        }
        return Map.of(STATE, state.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(0, stateCount)));
    }

    @Override
    public void setMode(NetworkMode mode)
    {
        this.training = requireNonNull(mode, "mode is null") == NetworkMode.TRAINING;
    }

    @Override
    public void backwardInputGradient(INDArray weights)
    {
        long batchSize = checkBatch("weights", weights, inputSize, inputShape);
        NetworkPass pass = findPass(batchSize);
        if (pass == null) {
            throw new IllegalStateException("backwardInputGradient for batch size " + batchSize
                    + " without a forward and backward pass of that size");
        }
        pass.backwardInputGradient(flatten(weights, batchSize, inputSize));
    }

    @Override
    public INDArray parameters()
    {
        return parameters;
    }

    @Override
    public INDArray gradients()
    {
        return gradients;
    }

    @Override
    public String toString()
    {
        return "SequentialNetwork" + Arrays.toString(inputShape) + " -> " + layers + " -> " + Arrays.toString(outputShape);
    }

    private void checkChain()
    {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        long size = inputSize;
        for (Layer layer : layers) {
            if (layer.inputSize() != size) {
                throw new IllegalArgumentException("layer " + layer + " takes " + layer.inputSize() + " features but gets " + size + " in "
                        + layers);
            }
            size = layer.outputSize();
        }
        if (size != outputSize) {
            throw new IllegalArgumentException("the last layer gives " + size + " features but the output shape "
                    + Arrays.toString(outputShape) + " has " + outputSize);
        }
    }

    private void checkVector(String name, INDArray vector)
    {
        requireNonNull(vector, name + " is null");
        if (vector.dataType() != dataType || vector.rank() != 2 || vector.size(0) != 1 || vector.size(1) != parameterCount) {
            throw new IllegalArgumentException(name + " must be a " + dataType + " [1, " + parameterCount + "] vector (got "
                    + vector.dataType() + " " + Arrays.toString(vector.shape()) + ")");
        }
    }

    private long checkBatch(String name, INDArray array, long sampleSize, long[] sampleShape)
    {
        requireNonNull(array, name + " is null");
        if (array.dataType() != dataType) {
            throw new IllegalArgumentException(name + " is " + array.dataType() + " but the network computes in " + dataType);
        }
        if (array.rank() < 2 || array.length() != array.size(0) * sampleSize) {
            throw new IllegalArgumentException(name + " must be [m, " + Arrays.toString(sampleShape).replaceAll("[\\[\\]]", "")
                    + "] (got " + Arrays.toString(array.shape()) + ")");
        }
        return array.size(0);
    }

    private INDArray slice(INDArray vector, long start, long end)
    {
        if (start == end) {
            // ND4J cannot take an empty interval of a vector; a parameterless layer gets an empty array of its own.
            return Nd4j.create(dataType, 1, 0);
        }
        return vector.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(start, end));
    }

    private static INDArray flatten(INDArray array, long batchSize, long sampleSize)
    {
        if (array.rank() == 2) {
            return array;
        }
        return array.reshape('c', batchSize, sampleSize);
    }

    private NetworkPass pass(long batchSize)
    {
        NetworkPass pass = findPass(batchSize);
        if (pass != null) {
            return pass;
        }
        if (parameters == null) {
            throw new IllegalStateException("forward before initialize: the network has no parameters yet");
        }
        List<Layer.Pass> layerPasses = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            layerPasses.add(layer.stateCount() > 0
                    ? layer.createPass(parameterSlices.get(i), gradientSlices.get(i), stateSlices.get(i), batchSize)
                    : layer.createPass(parameterSlices.get(i), gradientSlices.get(i), batchSize));
        }
        pass = new NetworkPass(batchSize, inputShape, outputShape, layerPasses);
        passes.add(0, pass);
        if (passes.size() > CACHED_BATCH_SIZES) {
            passes.remove(passes.size() - 1);
        }
        return pass;
    }

    private NetworkPass findPass(long batchSize)
    {
        for (int i = 0; i < passes.size(); i++) {
            NetworkPass pass = passes.get(i);
            if (pass.batchSize() == batchSize) {
                if (i > 0) {
                    passes.remove(i);
                    passes.add(0, pass);
                }
                return pass;
            }
        }
        return null;
    }
}
