package io.minimax.core.engine;

import io.minimax.spi.data.DataSource;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.network.Network;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.prior.NoisePrior;

import static java.util.Objects.requireNonNull;

/** Everything a training step touches: the two players, their optimizers, the objective and the two distributions. */
public record Players(
        DataSource data,
        NoisePrior prior,
        LossVariant loss,
        Network generator,
        Network discriminator,
        Optimizer generatorOptimizer,
        Optimizer discriminatorOptimizer)
{
    public Players
    {
        requireNonNull(data, "data is null");
        requireNonNull(prior, "prior is null");
        requireNonNull(loss, "loss is null");
        requireNonNull(generator, "generator is null");
        requireNonNull(discriminator, "discriminator is null");
        requireNonNull(generatorOptimizer, "generatorOptimizer is null");
        requireNonNull(discriminatorOptimizer, "discriminatorOptimizer is null");
    }
}
