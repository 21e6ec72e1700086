package io.minimax.core.wiring;

import io.minimax.core.descriptor.PluginSelection;
import io.minimax.core.plugin.ExtensionPoint;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.loss.GradientPenaltyFactory;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricFactory;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkContext;
import io.minimax.spi.network.NetworkFactory;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.optim.OptimizerFactory;
import io.minimax.spi.prior.NoisePrior;
import io.minimax.spi.prior.NoisePriorFactory;
import io.minimax.spi.tracking.Tracker;
import io.minimax.spi.tracking.TrackerFactory;

/**
 * Calls the factory a descriptor section selected with the spec bound for it. Each method captures the factory's
 * spec type so the spec is cast by {@link PluginFactory#specClass()}, a checked cast.
 */
public final class PluginInstances
{
    private PluginInstances() {}

    static <F extends PluginFactory<?>> F factory(ExtensionPoint<F> point, PluginSelection selection)
    {
        return point.find(selection.type())
                .orElseThrow(() -> new IllegalStateException(selection.path() + ": no " + point.noun() + " named '" + selection.type() + "'"));
    }

    static <S extends PluginSpec> DataSource dataSource(DataSourceFactory<S> factory, PluginSpec spec, PluginContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }

    static <S extends PluginSpec> NoisePrior noisePrior(NoisePriorFactory<S> factory, PluginSpec spec, PluginContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }

    static <S extends PluginSpec> LossVariant lossVariant(LossVariantFactory<S> factory, PluginSpec spec, PluginContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }

    static <S extends PluginSpec> GradientPenalty gradientPenalty(GradientPenaltyFactory<S> factory, PluginSpec spec, PluginContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }

    static <S extends PluginSpec> Network network(NetworkFactory<S> factory, PluginSpec spec, NetworkContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }

    static <S extends PluginSpec> Optimizer optimizer(OptimizerFactory<S> factory, PluginSpec spec, PluginContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }

    static <S extends PluginSpec> Metric metric(MetricFactory<S> factory, PluginSpec spec, PluginContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }

    public static <S extends PluginSpec> Tracker tracker(TrackerFactory<S> factory, PluginSpec spec, PluginContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }
}
