package io.minimax.nn;

import io.minimax.spi.NativeArrays;
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
 * r·m to (r+1)·m of an input are lane r's minibatch, and lane r's own passes compute them, so every lane gets
 * exactly the numbers it gets alone. The lanes run one after another through all their layers (lane-major): each
 * lane's working set stays in the core's cache, where running one layer of all lanes at a time would stream R times
 * as much through memory per layer (measured: 15 % slower per run-step at 16 lanes of the toy GAN).
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
    private final List<Buffers> buffers = new ArrayList<>();
    private final RowBlocks blocks;

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
        this.blocks = new RowBlocks(this.lanes.size());
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
        Buffers buffers = buffers(rows);
        INDArray[] inputs = blocks.of(input);
        for (int lane = 0; lane < lanes.size(); lane++) {
            NativeArrays.copy(lanes.get(lane).forward(inputs[lane]), buffers.outputBlocks[lane]);
        }
        buffers.forwardDone = true;
        return buffers.output;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients)
    {
        long rows = checkRows("outputGradient", outputGradient, outputSize);
        Buffers buffers = findBuffers(rows);
        if (buffers == null || !buffers.forwardDone) {
            throw new IllegalStateException("backward for " + rows + " rows without a forward pass of that size");
        }
        INDArray[] gradients = blocks.of(outputGradient);
        for (int lane = 0; lane < lanes.size(); lane++) {
            NativeArrays.copy(lanes.get(lane).backward(gradients[lane], parameterGradients), buffers.inputGradientBlocks[lane]);
        }
        return buffers.inputGradient;
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

    private Buffers buffers(long rows)
    {
        Buffers buffers = findBuffers(rows);
        if (buffers == null) {
            buffers = new Buffers(rows);
            this.buffers.add(0, buffers);
            if (this.buffers.size() > SequentialNetwork.CACHED_BATCH_SIZES) {
                this.buffers.remove(this.buffers.size() - 1);
            }
        }
        return buffers;
    }

    private Buffers findBuffers(long rows)
    {
        for (Buffers candidate : buffers) {
            if (candidate.rows == rows) {
                return candidate;
            }
        }
        return null;
    }

    /** The stacked output and input gradient for one number of rows, and the lanes' blocks of them. */
    private final class Buffers
    {
        private final long rows;
        private final INDArray output;
        private final INDArray[] outputBlocks;
        private final INDArray inputGradient;
        private final INDArray[] inputGradientBlocks;
        private boolean forwardDone;

        Buffers(long rows)
        {
            this.rows = rows;
            this.output = Nd4j.create(first.dataType(), Shapes.withBatch(rows, first.outputShape()));
            this.inputGradient = Nd4j.create(first.dataType(), Shapes.withBatch(rows, first.inputShape()));
            this.outputBlocks = blocks.of(output);
            this.inputGradientBlocks = blocks.of(inputGradient);
        }
    }
}
