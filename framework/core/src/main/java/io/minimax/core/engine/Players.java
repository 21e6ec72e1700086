package io.minimax.core.engine;

import io.minimax.spi.data.DataSource;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.network.Network;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.prior.NoisePrior;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Everything a training step touches: the two players, their optimizers, the objective (the loss and the penalties
 * added to D's loss) and the two distributions.
 */
public record Players(
        DataSource data,
        NoisePrior prior,
        LossVariant loss,
        List<GradientPenalty> penalties,
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
        penalties = List.copyOf(penalties);
        requireNonNull(generator, "generator is null");
        requireNonNull(discriminator, "discriminator is null");
        requireNonNull(generatorOptimizer, "generatorOptimizer is null");
        requireNonNull(discriminatorOptimizer, "discriminatorOptimizer is null");
        if (!penalties.isEmpty() && !discriminator.supportsDoubleBackpropagation()) {
            throw new IllegalArgumentException("gradient penalties need double backpropagation, which the discriminator "
                    + discriminator + " does not support");
        }
    }
}
