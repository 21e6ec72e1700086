package io.minimax.plugins.optimizers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

/**
 * An optimizer's per-parameter state for one network (moments, velocity, scratch), as {@code [1, n]} rows of a
 * single buffer allocated on the first step from the parameters' length and type.
 */
final class OptimizerState
{
    private final long length;
    private final DataType dataType;
    private final INDArray[] rows;

    private OptimizerState(long length, DataType dataType, int rowCount)
    {
        this.length = length;
        this.dataType = dataType;
        INDArray buffer = Nd4j.create(dataType, rowCount, length);
        this.rows = new INDArray[rowCount];
        for (int i = 0; i < rowCount; i++) {
            rows[i] = buffer.getRow(i, true);
        }
    }

    /** Allocates {@code rowCount} zero vectors shaped like {@code parameters}, after checking the step's arguments. */
    static OptimizerState allocate(INDArray parameters, INDArray gradients, int rowCount)
    {
        checkStep(parameters, gradients);
        return new OptimizerState(parameters.length(), parameters.dataType(), rowCount);
    }

    /** Copies of the rows, for a checkpoint; none before the first step ({@code state} is null). */
    static List<INDArray> copies(OptimizerState state)
    {
        return state == null ? List.of() : Arrays.stream(state.rows).map(INDArray::dup).toList();
    }

    /** The state {@link #copies} saved, or null (not stepped yet) when it saved none. */
    static OptimizerState restored(List<INDArray> saved, int rowCount)
    {
        if (saved.isEmpty()) {
            return null;
        }
        if (saved.size() != rowCount) {
            throw new IllegalArgumentException("expected " + rowCount + " state arrays, got " + saved.size());
        }
        OptimizerState state = new OptimizerState(saved.get(0).length(), saved.get(0).dataType(), rowCount);
        for (int i = 0; i < rowCount; i++) {
            state.rows[i].assign(saved.get(i).reshape(1, saved.get(i).length()));
        }
        return state;
    }

    INDArray row(int index)
    {
        return rows[index];
    }

    /** Fails unless this step is for the network the state was allocated for. */
    void checkSameNetwork(INDArray parameters, INDArray gradients)
    {
        checkStep(parameters, gradients);
        if (parameters.length() != length || parameters.dataType() != dataType) {
            throw new IllegalArgumentException("this optimizer's state is for " + length + " " + dataType + " parameters, got "
                    + parameters.length() + " " + parameters.dataType() + ": create one optimizer per network");
        }
    }

    /** The SPI's shape contract: both {@code [1, n]}, same type, contiguous. */
    static void checkStep(INDArray parameters, INDArray gradients)
    {
        if (parameters.rank() != 2 || parameters.size(0) != 1 || !Arrays.equals(parameters.shape(), gradients.shape())) {
            throw new IllegalArgumentException("parameters and gradients must both be [1, n] (got "
                    + Arrays.toString(parameters.shape()) + " and " + Arrays.toString(gradients.shape()) + ")");
        }
        if (parameters.dataType() != gradients.dataType()) {
            throw new IllegalArgumentException("parameters are " + parameters.dataType() + " but gradients " + gradients.dataType());
        }
        if (parameters.elementWiseStride() != 1 || gradients.elementWiseStride() != 1) {
            throw new IllegalArgumentException("parameters and gradients must be contiguous vectors");
        }
    }
}
