package io.minimax.core.evaluation;

import io.minimax.core.engine.Players;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.metric.RunView;
import io.minimax.spi.prior.NoisePrior;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The sample sets of one evaluation, shared read-only by every metric of it. */
final class EvaluationSamples
        implements RunView
{
    private final Players players;
    private final DataSource data;
    private final long step;
    private final boolean isFinal;
    private final INDArray generated;
    private final INDArray real;

    private EvaluationSamples(Players players, DataSource data, long step, boolean isFinal, INDArray generated, INDArray real)
    {
        this.players = players;
        this.data = data;
        this.step = step;
        this.isFinal = isFinal;
        this.generated = generated;
        this.real = real;
    }

    static EvaluationSamples draw(Players players, DataSource data, NoisePrior prior, long step, boolean isFinal, int count, DataType dataType)
    {
        INDArray noise = Nd4j.create(dataType, count, prior.dimension());
        prior.sample(noise);
        INDArray generated = players.generator().forward(noise).dup();
        long[] shape = generated.shape().clone();
        INDArray real = Nd4j.create(dataType, shape);
        data.sample(real);
        return new EvaluationSamples(players, data, step, isFinal, generated, real);
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
        return players.discriminator().forward(points).dup();
    }

    /** Values per sample: 1 for scalars, 2 for points in the plane, 784 for 28×28 images. */
    long sampleSize()
    {
        return generated.length() / generated.size(0);
    }
}
