package io.minimax.plugins.priors;

import io.minimax.spi.Plugin;
import io.minimax.spi.prior.NoisePriorFactory;

import java.util.List;

/** The noise priors p_z a generator maps from. */
public final class PriorsPlugin
        implements Plugin
{
    @Override
    public List<NoisePriorFactory<?>> noisePriors()
    {
        return List.of(new GaussianPriorFactory(), new UniformPriorFactory());
    }
}
