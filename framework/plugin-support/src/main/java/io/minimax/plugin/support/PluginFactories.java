package io.minimax.plugin.support;

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

import java.util.function.BiFunction;

/**
 * A factory in one expression, for any extension point:
 * <pre>{@code
 * PluginFactories.lossVariant("least-squares", LeastSquaresLossSpec.class, "least-squares GAN …",
 *         (spec, context) -> new LeastSquaresLoss(spec.a(), spec.b(), spec.c()))
 * }</pre>
 * The factory checks that spec and context are not null before it calls the function, and that the function did not
 * return null. A factory that needs more than a function of spec and context is still written as a class.
 */
public final class PluginFactories
{
    private PluginFactories() {}

    public static <S extends PluginSpec> DataSourceFactory<S> dataSource(
            String name, Class<S> specClass, String description,
            BiFunction<? super S, ? super PluginContext, ? extends DataSource> creation)
    {
        return new DeclaredDataSource<>(name, specClass, description, creation);
    }

    public static <S extends PluginSpec> NoisePriorFactory<S> noisePrior(
            String name, Class<S> specClass, String description,
            BiFunction<? super S, ? super PluginContext, ? extends NoisePrior> creation)
    {
        return new DeclaredNoisePrior<>(name, specClass, description, creation);
    }

    public static <S extends PluginSpec> LossVariantFactory<S> lossVariant(
            String name, Class<S> specClass, String description,
            BiFunction<? super S, ? super PluginContext, ? extends LossVariant> creation)
    {
        return new DeclaredLossVariant<>(name, specClass, description, creation);
    }

    public static <S extends PluginSpec> GradientPenaltyFactory<S> gradientPenalty(
            String name, Class<S> specClass, String description,
            BiFunction<? super S, ? super PluginContext, ? extends GradientPenalty> creation)
    {
        return new DeclaredGradientPenalty<>(name, specClass, description, creation);
    }

    public static <S extends PluginSpec> OptimizerFactory<S> optimizer(
            String name, Class<S> specClass, String description, BiFunction<? super S, ? super PluginContext, ? extends Optimizer> creation)
    {
        return new DeclaredOptimizer<>(name, specClass, description, creation);
    }

    public static <S extends PluginSpec> NetworkFactory<S> network(
            String name, Class<S> specClass, String description, BiFunction<? super S, ? super NetworkContext, ? extends Network> creation)
    {
        return new DeclaredNetwork<>(name, specClass, description, creation);
    }

    public static <S extends PluginSpec> MetricFactory<S> metric(
            String name, Class<S> specClass, String description, BiFunction<? super S, ? super PluginContext, ? extends Metric> creation)
    {
        return new DeclaredMetric<>(name, specClass, description, creation);
    }

    public static <S extends PluginSpec> TrackerFactory<S> tracker(
            String name, Class<S> specClass, String description, BiFunction<? super S, ? super PluginContext, ? extends Tracker> creation)
    {
        return new DeclaredTracker<>(name, specClass, description, creation);
    }

    // one subclass per factory type, since a factory's type is what a Plugin's list holds

    private static final class DeclaredDataSource<S extends PluginSpec>
            extends DeclaredFactory<S, PluginContext, DataSource>
            implements DataSourceFactory<S>
    {
        DeclaredDataSource(String name, Class<S> specClass, String description,
                BiFunction<? super S, ? super PluginContext, ? extends DataSource> creation)
        {
            super(name, specClass, description, creation);
        }
    }

    private static final class DeclaredNoisePrior<S extends PluginSpec>
            extends DeclaredFactory<S, PluginContext, NoisePrior>
            implements NoisePriorFactory<S>
    {
        DeclaredNoisePrior(String name, Class<S> specClass, String description,
                BiFunction<? super S, ? super PluginContext, ? extends NoisePrior> creation)
        {
            super(name, specClass, description, creation);
        }
    }

    private static final class DeclaredLossVariant<S extends PluginSpec>
            extends DeclaredFactory<S, PluginContext, LossVariant>
            implements LossVariantFactory<S>
    {
        DeclaredLossVariant(String name, Class<S> specClass, String description,
                BiFunction<? super S, ? super PluginContext, ? extends LossVariant> creation)
        {
            super(name, specClass, description, creation);
        }
    }

    private static final class DeclaredGradientPenalty<S extends PluginSpec>
            extends DeclaredFactory<S, PluginContext, GradientPenalty>
            implements GradientPenaltyFactory<S>
    {
        DeclaredGradientPenalty(String name, Class<S> specClass, String description,
                BiFunction<? super S, ? super PluginContext, ? extends GradientPenalty> creation)
        {
            super(name, specClass, description, creation);
        }
    }

    private static final class DeclaredOptimizer<S extends PluginSpec>
            extends DeclaredFactory<S, PluginContext, Optimizer>
            implements OptimizerFactory<S>
    {
        DeclaredOptimizer(String name, Class<S> specClass, String description,
                BiFunction<? super S, ? super PluginContext, ? extends Optimizer> creation)
        {
            super(name, specClass, description, creation);
        }
    }

    private static final class DeclaredNetwork<S extends PluginSpec>
            extends DeclaredFactory<S, NetworkContext, Network>
            implements NetworkFactory<S>
    {
        DeclaredNetwork(String name, Class<S> specClass, String description,
                BiFunction<? super S, ? super NetworkContext, ? extends Network> creation)
        {
            super(name, specClass, description, creation);
        }
    }

    private static final class DeclaredMetric<S extends PluginSpec>
            extends DeclaredFactory<S, PluginContext, Metric>
            implements MetricFactory<S>
    {
        DeclaredMetric(String name, Class<S> specClass, String description,
                BiFunction<? super S, ? super PluginContext, ? extends Metric> creation)
        {
            super(name, specClass, description, creation);
        }
    }

    private static final class DeclaredTracker<S extends PluginSpec>
            extends DeclaredFactory<S, PluginContext, Tracker>
            implements TrackerFactory<S>
    {
        DeclaredTracker(String name, Class<S> specClass, String description,
                BiFunction<? super S, ? super PluginContext, ? extends Tracker> creation)
        {
            super(name, specClass, description, creation);
        }
    }
}
