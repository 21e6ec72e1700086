package io.minimax.core.evaluation;

import io.minimax.spi.data.DataSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The real reference sets of feature-space metrics ({@link io.minimax.spi.metric.RunView#referenceRealSamples}): each
 * request draws from a data-source instance made for it, whose stream is derived from the run seed alone, so a set
 * depends on its size and nothing else. A metric that keeps its set between evaluations (which checkpoints do not
 * save) therefore draws the same one again in a resumed run, and drawing it moves no stream a checkpoint restores.
 */
public final class ReferenceData
{
    private final Supplier<DataSource> freshData;

    /** @param freshData a new data-source instance, its stream at the same start, at each call */
    public ReferenceData(Supplier<DataSource> freshData)
    {
        this.freshData = requireNonNull(freshData, "freshData is null");
    }

    INDArray draw(int count, DataType dataType)
    {
        DataSource data = freshData.get();
        long[] shape = data.sampleShape();
        long[] withBatch = new long[shape.length + 1];
        withBatch[0] = count;
        System.arraycopy(shape, 0, withBatch, 1, shape.length);
        INDArray samples = Nd4j.create(dataType, withBatch);
        data.sample(samples);
        return samples;
    }
}
