package io.minimax.nn;

import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * R {@link SequentialNetwork}s of one architecture (the lanes of a lockstep sweep) as one {@link Network}: rows
 * r·m to (r+1)·m of an input are lane r's minibatch. Each layer runs one product per lane into shared buffers and its
 * activation once over all lanes ({@link Layer#createStackedPass}), so the per-op cost of the element-wise work is
 * paid once per step, not R times, and every lane gets exactly the numbers it would get alone.
 *
 * <p>The parameters of all lanes are one {@code [1, R·P]} vector (lane r's at r·P), as are the gradients, so one
 * element-wise optimizer updates every lane in one pass. The lanes are rebound to views of these vectors when the
 * stack is made: they keep working as networks of their own.
 */
final class StackedSequentialNetwork
        implements Network
{
    private final List<SequentialNetwork> lanes;
    private final SequentialNetwork first;
    private final INDArray parameters;
    private final INDArray gradients;
    private final long inputSize;
    private final long outputSize;
    private final List<NetworkPass> passes = new ArrayList<>();

    StackedSequentialNetwork(List<SequentialNetwork> lanes)
    {
        this.lanes = List.copyOf(lanes);
        this.first = this.lanes.get(0);
        long laneParameters = first.parameters().length();
        long total = laneParameters * this.lanes.size();
        this.parameters = Nd4j.create(first.dataType(), 1, total);
        this.gradients = Nd4j.create(first.dataType(), 1, total);
        for (int lane = 0; lane < this.lanes.size(); lane++) {
            long start = lane * laneParameters;
            this.lanes.get(lane).rebind(
                    parameters.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(start, start + laneParameters)),
                    gradients.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(start, start + laneParameters)));
        }
        this.inputSize = Shapes.elementCount(first.inputShape());
        this.outputSize = Shapes.elementCount(first.outputShape());
    }

    int laneCount()
    {
        return lanes.size();
    }

    @Override
    public long[] inputShape()
    {
        return first.inputShape();
    }

    @Override
    public long[] outputShape()
    {
        return first.outputShape();
    }

    @Override
    public INDArray forward(INDArray input)
    {
        long rows = checkRows("input", input, inputSize);
        NetworkPass pass = findPass(rows);
        if (pass == null) {
            pass = createPass(rows);
        }
        return pass.forward(flatten(input, rows, inputSize));
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients)
    {
        long rows = checkRows("outputGradient", outputGradient, outputSize);
        NetworkPass pass = findPass(rows);
        if (pass == null) {
            throw new IllegalStateException("backward for " + rows + " rows without a forward pass of that size");
        }
        return pass.backward(flatten(outputGradient, rows, outputSize), parameterGradients);
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
    public Optional<Network> stack(List<Network> lanes)
    {
        return Optional.empty();
    }

    @Override
    public String toString()
    {
        return lanes.size() + " stacked " + first;
    }

    private long checkRows(String name, INDArray array, long sampleSize)
    {
        if (array.dataType() != first.dataType()) {
            throw new IllegalArgumentException(name + " is " + array.dataType() + " but the network computes in " + first.dataType());
        }
        long rows = array.size(0);
        if (array.rank() < 2 || rows % lanes.size() != 0 || array.length() != rows * sampleSize) {
            throw new IllegalArgumentException(name + " must be [R·m, " + sampleSize + "] for R = " + lanes.size()
                    + " lanes (got " + Arrays.toString(array.shape()) + ")");
        }
        return rows;
    }

    private NetworkPass createPass(long rows)
    {
        long laneBatchSize = rows / lanes.size();
        List<Layer> layers = first.layers();
        List<Layer.Pass> layerPasses = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            List<INDArray> laneParameters = new ArrayList<>();
            List<INDArray> laneGradients = new ArrayList<>();
            for (SequentialNetwork lane : lanes) {
                laneParameters.add(lane.parameterSlices().get(i));
                laneGradients.add(lane.gradientSlices().get(i));
            }
            layerPasses.add(layers.get(i).createStackedPass(laneParameters, laneGradients, laneBatchSize));
        }
        NetworkPass pass = new NetworkPass(rows, first.inputShape(), first.outputShape(), layerPasses);
        passes.add(0, pass);
        if (passes.size() > SequentialNetwork.CACHED_BATCH_SIZES) {
            passes.remove(passes.size() - 1);
        }
        return pass;
    }

    private NetworkPass findPass(long rows)
    {
        for (NetworkPass pass : passes) {
            if (pass.batchSize() == rows) {
                return pass;
            }
        }
        return null;
    }

    private static INDArray flatten(INDArray array, long rows, long sampleSize)
    {
        return array.rank() == 2 ? array : array.reshape('c', rows, sampleSize);
    }
}
