package io.minimax.spi;

import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.loss.GradientPenaltyFactory;
import io.minimax.spi.loss.LossVariantFactory;
import io.minimax.spi.metric.MetricFactory;
import io.minimax.spi.network.NetworkFactory;
import io.minimax.spi.optim.OptimizerFactory;
import io.minimax.spi.prior.NoisePriorFactory;
import io.minimax.spi.tracking.TrackerFactory;

import java.util.List;

/**
 * The entry point of a plugin jar, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.minimax.spi.Plugin}. A plugin contributes factories to any of the extension points;
 * each factory's {@link PluginFactory#name()} is the {@code type} a descriptor names it by, unique per extension point.
 *
 * <p>Implementations need a public no-argument constructor and must not do work in it: the framework instantiates
 * every plugin once at start-up to list what it offers.
 */
public interface Plugin
{
    default List<DataSourceFactory<?>> dataSources()
    {
        return List.of();
    }

    default List<NoisePriorFactory<?>> noisePriors()
    {
        return List.of();
    }

    default List<LossVariantFactory<?>> lossVariants()
    {
        return List.of();
    }

    default List<GradientPenaltyFactory<?>> gradientPenalties()
    {
        return List.of();
    }

    default List<OptimizerFactory<?>> optimizers()
    {
        return List.of();
    }

    default List<NetworkFactory<?>> networks()
    {
        return List.of();
    }

    default List<MetricFactory<?>> metrics()
    {
        return List.of();
    }

    default List<TrackerFactory<?>> trackers()
    {
        return List.of();
    }

    /** Shown by {@code minimax plugins} and recorded with every run; defaults to the jar's Implementation-Version. */
    default String version()
    {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
