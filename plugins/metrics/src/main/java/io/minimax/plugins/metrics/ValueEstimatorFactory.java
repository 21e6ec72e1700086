package io.minimax.plugins.metrics;

import io.minimax.spi.PluginContext;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricFactory;

import static java.util.Objects.requireNonNull;

public final class ValueEstimatorFactory
        implements MetricFactory<ValueEstimatorSpec>
{
    @Override
    public String name()
    {
        return "value-estimator";
    }

    @Override
    public Class<ValueEstimatorSpec> specClass()
    {
        return ValueEstimatorSpec.class;
    }

    @Override
    public String description()
    {
        return "at the final networks: mean and spread of the minibatch estimate V-hat for m = 1, 2, 4, ... (logged at step = m) against its expectation";
    }

    @Override
    public Metric create(ValueEstimatorSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        return new ValueEstimatorMetric(spec.largestBatch(), spec.repeats(), spec.referenceSamples());
    }
}
