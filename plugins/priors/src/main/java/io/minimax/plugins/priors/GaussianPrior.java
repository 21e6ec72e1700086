package io.minimax.plugins.priors;

import io.minimax.spi.RandomSource;
import io.minimax.spi.prior.NoisePrior;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/** z ~ N(0, I). */
public final class GaussianPrior
        implements NoisePrior
{
    private final int dimension;
    private final RandomSource random;

    public GaussianPrior(int dimension, RandomSource random)
    {
        this.dimension = dimension;
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
        random.gaussian(out, 0, 1);
    }
}
