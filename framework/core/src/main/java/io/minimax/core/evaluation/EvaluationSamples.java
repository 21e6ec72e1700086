package io.minimax.core.evaluation;

import io.minimax.core.engine.Players;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.metric.RunView;
import io.minimax.spi.network.Network;
import io.minimax.spi.prior.NoisePrior;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The sample sets of one evaluation, shared read-only by every metric of it. */
final class EvaluationSamples
        implements RunView
{
    /**
     * Networks keep buffers per batch size, so large requests go through them in pieces of this many rows: two
     * buffer sets (a full piece and the remainder) instead of one as large as the request.
     */
    static final int CHUNK_ROWS = 8192;

    private final Players players;
    private final long step;
    private final boolean isFinal;
    private final DataType dataType;
    /** The evaluation's own data and prior instances: drawing from them never moves the training streams. */
    private final DataSource data;
    private final NoisePrior prior;
    private final ReferenceData reference;
    private final INDArray generated;
    private final INDArray real;

    private EvaluationSamples(Players players, DataSource data, NoisePrior prior, ReferenceData reference, long step, boolean isFinal,
            DataType dataType, INDArray generated, INDArray real)
    {
        this.data = data;
        this.prior = prior;
        this.reference = reference;
        this.players = players;
        this.step = step;
        this.isFinal = isFinal;
        this.dataType = dataType;
        this.generated = generated;
        this.real = real;
    }

    static EvaluationSamples draw(Players players, DataSource data, NoisePrior prior, ReferenceData reference, long step, boolean isFinal,
            int count, DataType dataType)
    {
        INDArray noise = Nd4j.create(dataType, count, prior.dimension());
        prior.sample(noise);
        INDArray generated = players.generator().forward(noise).dup();
        long[] shape = generated.shape().clone();
        INDArray real = Nd4j.create(dataType, shape);
        data.sample(real);
        return new EvaluationSamples(players, data, prior, reference, step, isFinal, dataType, generated, real);
    }

    @Override
    public long step()
    {
        return step;
    }

    @Override
    public boolean isFinal()
    {
        return isFinal;
    }

    @Override
    public DataSource data()
    {
        return data;
    }

    @Override
    public INDArray generatedSamples()
    {
        return generated;
    }

    @Override
    public INDArray realSamples()
    {
        return real;
    }

    @Override
    public INDArray discriminatorLogits(INDArray points)
    {
        return forwardInChunks(players.discriminator(), points);
    }

    @Override
    public INDArray freshGeneratedSamples(int count)
    {
        checkCount(count);
        INDArray noise = Nd4j.create(dataType, count, prior.dimension());
        prior.sample(noise);
        return forwardInChunks(players.generator(), noise);
    }

    @Override
    public INDArray freshRealSamples(int count)
    {
        checkCount(count);
        INDArray samples = Nd4j.create(dataType, prepend(count, data.sampleShape()));
        data.sample(samples);
        return samples;
    }

    @Override
    public INDArray referenceRealSamples(int count)
    {
        checkCount(count);
        return reference.draw(count, dataType);
    }

    /** Values per sample: 1 for scalars, 2 for points in the plane, 784 for 28×28 images. */
    long sampleSize()
    {
        return generated.length() / generated.size(0);
    }

    private static INDArray forwardInChunks(Network network, INDArray input)
    {
        long rows = input.size(0);
        if (rows <= CHUNK_ROWS) {
            return network.forward(input).dup();
        }
        INDArray output = Nd4j.create(input.dataType(), prepend(rows, network.outputShape()));
        for (long from = 0; from < rows; from += CHUNK_ROWS) {
            long to = Math.min(rows, from + CHUNK_ROWS);
            output.get(rowRange(output, from, to)).assign(network.forward(input.get(rowRange(input, from, to))));
        }
        return output;
    }

    private static INDArrayIndex[] rowRange(INDArray array, long from, long to)
    {
        INDArrayIndex[] indices = new INDArrayIndex[array.rank()];
        indices[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < indices.length; i++) {
            indices[i] = NDArrayIndex.all();
        }
        return indices;
    }

    private static long[] prepend(long first, long[] rest)
    {
        long[] shape = new long[rest.length + 1];
        shape[0] = first;
        System.arraycopy(rest, 0, shape, 1, rest.length);
        return shape;
    }

    private static void checkCount(int count)
    {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be > 0 (got " + count + ")");
        }
    }
}
