package io.minimax.plugins.metrics;

import io.minimax.spi.PluginContext;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricFactory;

import static java.util.Objects.requireNonNull;

public final class MmdFactory
        implements MetricFactory<MmdSpec>
{
    @Override
    public String name()
    {
        return "mmd";
    }

    @Override
    public Class<MmdSpec> specClass()
    {
        return MmdSpec.class;
    }

    @Override
    public String description()
    {
        return "unbiased MMD^2 between generated and real samples, RBF kernel with the median-heuristic bandwidth (any vector data)";
    }

    @Override
    public Metric create(MmdSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        return new MmdMetric();
    }
}
