package io.minimax.core.plugin;

import io.minimax.spi.InstanceFactory;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginContext;
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

import java.util.List;

/**
 * The table of extension points, in the order listings show them. Adding an extension point is a row here and a
 * default method on {@link Plugin}; the registry, the plugin log line, {@code minimax plugins}, the descriptor schema
 * and instance creation all read this table.
 */
public final class ExtensionPoints
{
    public static final ExtensionPointKind<DataSourceFactory<?>, PluginContext, DataSource> DATA_SOURCES = new ExtensionPointKind<>(
            "data source", "data sources", "data", List.of("data"), Plugin::dataSources, ExtensionPoints::create);
    public static final ExtensionPointKind<NoisePriorFactory<?>, PluginContext, NoisePrior> NOISE_PRIORS = new ExtensionPointKind<>(
            "noise prior", "noise priors", "prior", List.of("prior"), Plugin::noisePriors, ExtensionPoints::create);
    public static final ExtensionPointKind<LossVariantFactory<?>, PluginContext, LossVariant> LOSS_VARIANTS = new ExtensionPointKind<>(
            "loss", "losses", "loss", List.of("loss"), Plugin::lossVariants, ExtensionPoints::create);
    public static final ExtensionPointKind<GradientPenaltyFactory<?>, PluginContext, GradientPenalty> GRADIENT_PENALTIES =
            new ExtensionPointKind<>(
                    "penalty", "penalties", "penalties", List.of("penalties"), Plugin::gradientPenalties, ExtensionPoints::create);
    public static final ExtensionPointKind<OptimizerFactory<?>, PluginContext, Optimizer> OPTIMIZERS = new ExtensionPointKind<>(
            "optimizer", "optimizers", "optimizer", List.of("optimizer"), Plugin::optimizers, ExtensionPoints::create);
    public static final ExtensionPointKind<NetworkFactory<?>, NetworkContext, Network> NETWORKS = new ExtensionPointKind<>(
            "network", "networks", "network", List.of("generator", "discriminator"), Plugin::networks, ExtensionPoints::createNetwork);
    public static final ExtensionPointKind<MetricFactory<?>, PluginContext, Metric> METRICS = new ExtensionPointKind<>(
            "metric", "metrics", "metrics", List.of("metrics"), Plugin::metrics, ExtensionPoints::create);
    public static final ExtensionPointKind<TrackerFactory<?>, PluginContext, Tracker> TRACKERS = new ExtensionPointKind<>(
            "tracker", "trackers", "tracking", List.of("tracking"), Plugin::trackers, ExtensionPoints::create);

    public static final List<ExtensionPointKind<?, ?, ?>> ALL = List.of(
            DATA_SOURCES, NOISE_PRIORS, LOSS_VARIANTS, GRADIENT_PENALTIES, OPTIMIZERS, NETWORKS, METRICS, TRACKERS);

    private ExtensionPoints() {}

    // the capture of S makes the spec cast a checked one, by the factory's own spec class
    private static <S extends PluginSpec, C, T> T create(InstanceFactory<S, C, T> factory, PluginSpec spec, C context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }

    // NetworkFactory predates InstanceFactory; once it extends InstanceFactory<S, NetworkContext, Network> this goes
    private static <S extends PluginSpec> Network createNetwork(NetworkFactory<S> factory, PluginSpec spec, NetworkContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }
}
