package io.minimax.plugins.metrics;

import io.minimax.spi.PluginContext;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricFactory;

import static java.util.Objects.requireNonNull;

public final class ModeCoverageFactory
        implements MetricFactory<ModeCoverageSpec>
{
    @Override
    public String name()
    {
        return "mode-coverage";
    }

    @Override
    public Class<ModeCoverageSpec> specClass()
    {
        return ModeCoverageSpec.class;
    }

    @Override
    public String description()
    {
        return "PacGAN's protocol: modes covered, high-quality fraction, reverse KL over modes (data with known modes)";
    }

    @Override
    public Metric create(ModeCoverageSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        return new ModeCoverageMetric(spec.threshold());
    }
}
