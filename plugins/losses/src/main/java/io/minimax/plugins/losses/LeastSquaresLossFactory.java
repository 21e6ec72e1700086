package io.minimax.plugins.losses;

import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;

import static java.util.Objects.requireNonNull;

public final class LeastSquaresLossFactory
        implements LossVariantFactory<LeastSquaresLossSpec>
{
    @Override
    public String name()
    {
        return "least-squares";
    }

    @Override
    public Class<LeastSquaresLossSpec> specClass()
    {
        return LeastSquaresLossSpec.class;
    }

    @Override
    public String description()
    {
        return "least-squares GAN on D's raw output: D regresses real to b and generated to a, G pulls its samples to c";
    }

    @Override
    public LossVariant create(LeastSquaresLossSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new LeastSquaresLoss(spec.a(), spec.b(), spec.c());
    }
}
