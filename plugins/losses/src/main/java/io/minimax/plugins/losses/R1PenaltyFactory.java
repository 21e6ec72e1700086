package io.minimax.plugins.losses;

import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.loss.GradientPenaltyFactory;

import static java.util.Objects.requireNonNull;

public final class R1PenaltyFactory
        implements GradientPenaltyFactory<R1PenaltySpec>
{
    @Override
    public String name()
    {
        return "r1";
    }

    @Override
    public Class<R1PenaltySpec> specClass()
    {
        return R1PenaltySpec.class;
    }

    @Override
    public String description()
    {
        return "R1: (gamma/2)·E‖∇ₓD(x)‖² on real samples, zero-centred (Mescheder et al. 2018)";
    }

    @Override
    public GradientPenalty create(R1PenaltySpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new ZeroCentredGradientPenalty(spec.gamma(), true);
    }
}
