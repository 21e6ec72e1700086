package io.minimax.plugins.losses;

import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.loss.GradientPenaltyFactory;

import static java.util.Objects.requireNonNull;

public final class R2PenaltyFactory
        implements GradientPenaltyFactory<R2PenaltySpec>
{
    @Override
    public String name()
    {
        return "r2";
    }

    @Override
    public Class<R2PenaltySpec> specClass()
    {
        return R2PenaltySpec.class;
    }

    @Override
    public String description()
    {
        return "R2: (gamma/2)·E‖∇ₓD(G(z))‖² on generated samples, zero-centred";
    }

    @Override
    public GradientPenalty create(R2PenaltySpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new ZeroCentredGradientPenalty(spec.gamma(), false);
    }
}
