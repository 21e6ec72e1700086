package io.minimax.core.plugin;

import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.loss.GradientPenaltyFactory;
import io.minimax.spi.loss.LossVariantFactory;
import io.minimax.spi.metric.MetricFactory;
import io.minimax.spi.network.NetworkFactory;
import io.minimax.spi.optim.OptimizerFactory;
import io.minimax.spi.prior.NoisePriorFactory;
import io.minimax.spi.tracking.TrackerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Every factory of every discovered plugin, by extension point. Built once per process; immutable.
 * A {@code type} registered twice within one extension point is an error naming both plugins.
 */
public final class PluginRegistry
{
    private final List<Plugin> plugins;
    private final ExtensionPoint<DataSourceFactory<?>> dataSources;
    private final ExtensionPoint<NoisePriorFactory<?>> noisePriors;
    private final ExtensionPoint<LossVariantFactory<?>> lossVariants;
    private final ExtensionPoint<GradientPenaltyFactory<?>> gradientPenalties;
    private final ExtensionPoint<OptimizerFactory<?>> optimizers;
    private final ExtensionPoint<NetworkFactory<?>> networks;
    private final ExtensionPoint<MetricFactory<?>> metrics;
    private final ExtensionPoint<TrackerFactory<?>> trackers;
    private final Map<PluginFactory<?>, Plugin> owners = new java.util.IdentityHashMap<>();

    public PluginRegistry(List<Plugin> plugins)
    {
        this.plugins = List.copyOf(requireNonNull(plugins, "plugins is null"));
        this.dataSources = collect("data source", "data", Plugin::dataSources);
        this.noisePriors = collect("noise prior", "prior", Plugin::noisePriors);
        this.lossVariants = collect("loss", "loss", Plugin::lossVariants);
        this.gradientPenalties = collect("penalty", "penalties", Plugin::gradientPenalties);
        this.optimizers = collect("optimizer", "optimizer", Plugin::optimizers);
        this.networks = collect("network", "network", Plugin::networks);
        this.metrics = collect("metric", "metrics", Plugin::metrics);
        this.trackers = collect("tracker", "tracking", Plugin::trackers);
    }

    private <F extends PluginFactory<?>> ExtensionPoint<F> collect(String noun, String section, Function<Plugin, List<F>> contributions)
    {
        Map<String, F> byName = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Plugin plugin : plugins) {
            for (F factory : contributions.apply(plugin)) {
                F previous = byName.putIfAbsent(factory.name(), factory);
                if (previous != null) {
                    duplicates.add(noun + " '" + factory.name() + "' is registered by both "
                            + owners.get(previous).getClass().getName() + " and " + plugin.getClass().getName());
                }
                else {
                    owners.put(factory, plugin);
                }
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException(String.join("; ", duplicates));
        }
        return ExtensionPoint.of(noun, section, byName);
    }

    public List<Plugin> plugins()
    {
        return plugins;
    }

    /** The plugin that contributed {@code factory}. */
    public Plugin ownerOf(PluginFactory<?> factory)
    {
        Plugin owner = owners.get(factory);
        if (owner == null) {
            throw new IllegalArgumentException("not a registered factory: " + factory.name());
        }
        return owner;
    }

    public ExtensionPoint<DataSourceFactory<?>> dataSources()
    {
        return dataSources;
    }

    public ExtensionPoint<NoisePriorFactory<?>> noisePriors()
    {
        return noisePriors;
    }

    public ExtensionPoint<LossVariantFactory<?>> lossVariants()
    {
        return lossVariants;
    }

    public ExtensionPoint<GradientPenaltyFactory<?>> gradientPenalties()
    {
        return gradientPenalties;
    }

    public ExtensionPoint<OptimizerFactory<?>> optimizers()
    {
        return optimizers;
    }

    public ExtensionPoint<NetworkFactory<?>> networks()
    {
        return networks;
    }

    public ExtensionPoint<MetricFactory<?>> metrics()
    {
        return metrics;
    }

    public ExtensionPoint<TrackerFactory<?>> trackers()
    {
        return trackers;
    }

    /** All extension points, for listings. */
    public List<ExtensionPoint<?>> extensionPoints()
    {
        return List.of(dataSources, noisePriors, lossVariants, gradientPenalties, optimizers, networks, metrics, trackers);
    }
}
