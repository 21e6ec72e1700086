package io.minimax.plugins.losses;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Element access to a vector of logits or logit gradients ({@code [m]}, {@code [m, 1]} or {@code [1, m]}, possibly a
 * view into a larger array) straight on its data buffer. Losses run a single pass of plain Java over m numbers
 * instead of a chain of native ops: each native call costs 10–50 µs of fixed overhead (measured on this project's machines), far more than
 * the arithmetic on a minibatch of logits.
 */
final class LogitVector
{
    private final DataBuffer buffer;
    private final long stride;
    private final int length;
    private final long[] shape;

    private LogitVector(DataBuffer buffer, long stride, int length, long[] shape)
    {
        this.buffer = buffer;
        this.shape = shape;
        this.stride = stride;
        this.length = length;
    }

    static LogitVector of(INDArray vector)
    {
        long stride = 1;
        int longDimensions = 0;
        for (int dimension = 0; dimension < vector.rank(); dimension++) {
            if (vector.size(dimension) != 1) {
                stride = vector.stride(dimension);
                longDimensions++;
            }
        }
        if (longDimensions > 1 || vector.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("logits must be a vector ([m] or [m, 1]), got shape " + Arrays.toString(vector.shape()));
        }
        // A view's data() already begins at the view's first element (ND4J 1.0.0-M2.1), so no offset is added.
        return new LogitVector(vector.data(), stride, (int) vector.length(), vector.shape());
    }

    int length()
    {
        return length;
    }

    double get(int index)
    {
        return buffer.getDouble(index * stride);
    }

    void set(int index, double value)
    {
        buffer.put(index * stride, value);
    }

    void checkSameLength(LogitVector other, String what)
    {
        if (other.length != length) {
            throw new IllegalArgumentException(what + " has shape " + Arrays.toString(other.shape) + " but the logits have "
                    + Arrays.toString(shape));
        }
    }
}
