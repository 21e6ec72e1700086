package io.minimax.plugins.priors;

import io.minimax.spi.RandomSource;
import io.minimax.spi.prior.NoisePrior;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/** z ~ U[low, high)^dimension: the prior of Goodfellow et al.'s 1-D illustration. */
public final class UniformPrior
        implements NoisePrior
{
    private final int dimension;
    private final double low;
    private final double high;
    private final RandomSource random;

    public UniformPrior(int dimension, double low, double high, RandomSource random)
    {
        this.dimension = dimension;
        this.low = low;
        this.high = high;
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public int dimension()
    {
        return dimension;
    }

    @Override
    public void sample(INDArray out)
    {
        PriorShapes.checkBatch(out, dimension);
        random.uniform(out, low, high);
    }
}
