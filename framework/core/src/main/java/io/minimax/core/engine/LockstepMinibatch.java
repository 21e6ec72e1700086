package io.minimax.core.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/**
 * {@link Minibatch} for R lanes: every array stacks the lanes' minibatches, lane r's rows after lane r-1's, laid out
 * within a lane exactly as one run's (the discriminator batch: m real rows, then m generated). The lanes' blocks are
 * views made once; so are the views of the networks' outputs, which are the same buffers every step.
 */
final class LockstepMinibatch
{
    final int lanes;
    final int size;
    /** z for every lane, {@code [R·m, dim]}, and lane r's block. */
    final INDArray noise;
    final INDArray[] laneNoise;
    /** {@code [R·2m, sampleShape...]}: per lane m samples of p_data, then m of G(z). */
    final INDArray samples;
    final INDArray[] laneRealSamples;
    /** The generated halves of all lanes as one {@code [R, m, sampleSize]} view, filled by one copy. */
    private final INDArray generatedHalves;
    private final long sampleSize;
    /** dLoss_D/dlogit, {@code [R·2m, 1]}, and each lane's real and generated halves. */
    final INDArray discriminatorLogitGradient;
    final INDArray[] laneRealLogitGradient;
    final INDArray[] laneFakeLogitGradient;
    /** dLoss_G/dlogit, {@code [R·m, 1]}, and each lane's block. */
    final INDArray generatorLogitGradient;
    final INDArray[] laneGeneratorLogitGradient;
    private INDArray discriminatorLogits;
    private INDArray[] laneRealLogits;
    private INDArray[] laneFakeLogits;
    private INDArray generatorLogits;
    private INDArray[] laneGeneratorLogits;

    LockstepMinibatch(int lanes, int size, int noiseDimension, long[] sampleShape, DataType dataType)
    {
        this.lanes = lanes;
        this.size = size;
        this.sampleSize = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
        this.noise = Nd4j.create(dataType, (long) lanes * size, noiseDimension);
        this.laneNoise = blocks(noise, 0, size, size);
        this.samples = Nd4j.create(dataType, Minibatch.prepend(2L * lanes * size, sampleShape));
        this.laneRealSamples = blocks(samples, 0, size, 2L * size);
        this.generatedHalves = samples.reshape('c', lanes, 2L * size, sampleSize)
                .get(NDArrayIndex.all(), NDArrayIndex.interval(size, 2L * size), NDArrayIndex.all());
        this.discriminatorLogitGradient = Nd4j.create(dataType, 2L * lanes * size, 1);
        this.laneRealLogitGradient = blocks(discriminatorLogitGradient, 0, size, 2L * size);
        this.laneFakeLogitGradient = blocks(discriminatorLogitGradient, size, size, 2L * size);
        this.generatorLogitGradient = Nd4j.create(dataType, (long) lanes * size, 1);
        this.laneGeneratorLogitGradient = blocks(generatorLogitGradient, 0, size, size);
    }

    /** Copies the generator's output for all lanes ({@code [R·m, sampleShape...]}) into the generated halves. */
    void setGenerated(INDArray generated)
    {
        generatedHalves.assign(generated.reshape('c', lanes, size, sampleSize));
    }

    /** Lane r's logits on its m real samples in the discriminator's output on {@link #samples}. */
    INDArray[] realLogits(INDArray logits)
    {
        cacheDiscriminatorLogits(logits);
        return laneRealLogits;
    }

    INDArray[] fakeLogits(INDArray logits)
    {
        cacheDiscriminatorLogits(logits);
        return laneFakeLogits;
    }

    /** Lane r's block of the discriminator's output on the generator step's R·m samples. */
    INDArray[] generatorLogits(INDArray logits)
    {
        if (logits != generatorLogits) {
            generatorLogits = logits;
            laneGeneratorLogits = blocks(logits, 0, size, size);
        }
        return laneGeneratorLogits;
    }

    private void cacheDiscriminatorLogits(INDArray logits)
    {
        if (logits != discriminatorLogits) {
            discriminatorLogits = logits;
            laneRealLogits = blocks(logits, 0, size, 2L * size);
            laneFakeLogits = blocks(logits, size, size, 2L * size);
        }
    }

    /** For each lane, rows {@code lane·laneStride + offset} to {@code + rows}. */
    private INDArray[] blocks(INDArray array, long offset, long rows, long laneStride)
    {
        INDArray[] views = new INDArray[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            long from = lane * laneStride + offset;
            views[lane] = Minibatch.rows(array, from, from + rows);
        }
        return views;
    }
}
