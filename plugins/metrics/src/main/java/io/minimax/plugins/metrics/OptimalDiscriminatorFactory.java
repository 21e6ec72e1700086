package io.minimax.plugins.metrics;

import io.minimax.spi.PluginContext;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricFactory;

import static java.util.Objects.requireNonNull;

public final class OptimalDiscriminatorFactory
        implements MetricFactory<OptimalDiscriminatorSpec>
{
    @Override
    public String name()
    {
        return "optimal-discriminator";
    }

    @Override
    public Class<OptimalDiscriminatorSpec> specClass()
    {
        return OptimalDiscriminatorSpec.class;
    }

    @Override
    public String description()
    {
        return "JSD(p_data || p_g), V(D*,G) and mean |D - D*| with p_g by kernel density (data with a known density, dimension <= 2)";
    }

    @Override
    public Metric create(OptimalDiscriminatorSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        return new OptimalDiscriminatorMetric(spec.rule(), spec.bandwidth());
    }
}
