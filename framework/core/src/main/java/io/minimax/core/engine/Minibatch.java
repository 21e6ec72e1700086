package io.minimax.core.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The arrays one training step works in, allocated once per run so the loop allocates nothing. The discriminator
 * sees real and generated samples as one concatenated batch of 2m rows (one forward pass instead of two); the
 * halves are views.
 */
final class Minibatch
{
    final int size;
    /** z ~ p_z, {@code [m, dim]}. */
    final INDArray noise;
    /** Rows 0..m: x ~ p_data; rows m..2m: G(z). */
    final INDArray samples;
    final INDArray realSamples;
    final INDArray fakeSamples;
    /** dLoss_D/dlogit for the 2m rows, and its halves. */
    final INDArray discriminatorLogitGradient;
    final INDArray realLogitGradient;
    final INDArray fakeLogitGradient;
    /** dLoss_G/dlogit for the m generated rows of the generator step. */
    final INDArray generatorLogitGradient;
    /** Fresh x ~ p_data for a generator loss that compares with real samples, and D's logits on them. */
    final INDArray generatorRealSamples;
    final INDArray generatorRealLogits;
    /** Where a gradient penalty is evaluated, and dPenalty/d(∇ₓD) there; both {@code [m, sampleShape...]}. */
    final INDArray penaltyPoints;
    final INDArray penaltyGradient;
    /** dD/dD for m rows: back-propagating it gives ∇ₓD(x_i) per row. */
    final INDArray ones;

    Minibatch(int size, int noiseDimension, long[] sampleShape, DataType dataType)
    {
        this.size = size;
        this.noise = Nd4j.create(dataType, size, noiseDimension);
        this.samples = Nd4j.create(dataType, prepend(2L * size, sampleShape));
        this.realSamples = firstRows(samples, size);
        this.fakeSamples = lastRows(samples, size);
        this.discriminatorLogitGradient = Nd4j.create(dataType, 2L * size, 1);
        this.realLogitGradient = firstRows(discriminatorLogitGradient, size);
        this.fakeLogitGradient = lastRows(discriminatorLogitGradient, size);
        this.generatorLogitGradient = Nd4j.create(dataType, size, 1);
        this.generatorRealSamples = Nd4j.create(dataType, prepend(size, sampleShape));
        this.generatorRealLogits = Nd4j.create(dataType, size, 1);
        this.penaltyPoints = Nd4j.create(dataType, prepend(size, sampleShape));
        this.penaltyGradient = Nd4j.create(dataType, prepend(size, sampleShape));
        this.ones = Nd4j.ones(dataType, size, 1);
    }

    static INDArray firstRows(INDArray array, long rows)
    {
        return array.get(rowRange(array, 0, rows));
    }

    static INDArray lastRows(INDArray array, long rows)
    {
        return array.get(rowRange(array, array.size(0) - rows, array.size(0)));
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex[] rowRange(INDArray array, long from, long to)
    {
        org.nd4j.linalg.indexing.INDArrayIndex[] indices = new org.nd4j.linalg.indexing.INDArrayIndex[array.rank()];
        indices[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < indices.length; i++) {
            indices[i] = NDArrayIndex.all();
        }
        return indices;
    }

    static long[] prepend(long first, long[] rest)
    {
        long[] shape = new long[rest.length + 1];
        shape[0] = first;
        System.arraycopy(rest, 0, shape, 1, rest.length);
        return shape;
    }
}
