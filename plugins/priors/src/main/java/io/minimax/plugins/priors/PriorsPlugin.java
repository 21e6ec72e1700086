package io.minimax.plugins.priors;

import io.minimax.plugin.support.PluginFactories;
import io.minimax.spi.Plugin;
import io.minimax.spi.prior.NoisePriorFactory;

import java.util.List;

/** The noise priors p_z a generator maps from. */
public final class PriorsPlugin
        implements Plugin
{
    public static final NoisePriorFactory<GaussianPriorSpec> GAUSSIAN = PluginFactories.noisePrior(
            "gaussian", GaussianPriorSpec.class,
            "standard normal noise N(0, I)",
            (spec, context) -> new GaussianPrior(spec.dim(), context.random()));

    public static final NoisePriorFactory<UniformPriorSpec> UNIFORM = PluginFactories.noisePrior(
            "uniform", UniformPriorSpec.class,
            "uniform noise on [low, high)^dim",
            (spec, context) -> new UniformPrior(spec.dim(), spec.low(), spec.high(), context.random()));

    @Override
    public List<NoisePriorFactory<?>> noisePriors()
    {
        return List.of(GAUSSIAN, UNIFORM);
    }
}
