package io.minimax.core.descriptor;

import io.minimax.spi.Param;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.loss.GradientPenaltyFactory;
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
 * Stand-ins for the real plugins, with the spec shapes descriptors meet: defaults, required parameters, lists,
 * booleans and validation in the canonical constructor. Descriptor tests bind specs and never create plugins.
 */
public final class FakePlugin
        implements Plugin
{
    public record FakeRingSpec(
            @Param(description = "number of modes", defaultValue = "8") int modes,
            @Param(description = "radius of the ring", defaultValue = "1.0") double radius,
            @Param(description = "standard deviation of each mode", defaultValue = "0.01") double std)
            implements PluginSpec
    {
        public FakeRingSpec
        {
            SpecChecks.check().positive("modes", modes).positive("radius", radius).positive("std", std).orThrow();
        }
    }

    public record FakeGridSpec(
            @Param(description = "points per side") int side,
            @Param(description = "mixture weights, uniform when empty", defaultValue = "[]") List<Double> weights)
            implements PluginSpec {}

    public record FakeGaussianSpec(@Param(description = "noise dimension") int dim)
            implements PluginSpec
    {
        public FakeGaussianSpec
        {
            SpecChecks.check().positive("dim", dim).orThrow();
        }
    }

    public record FakeMinimaxSpec()
            implements PluginSpec {}

    public record FakeNonSaturatingSpec(@Param(description = "one-sided label smoothing", defaultValue = "0.0") double labelSmoothing)
            implements PluginSpec
    {
        public FakeNonSaturatingSpec
        {
            SpecChecks.check().inHalfOpenRange("labelSmoothing", labelSmoothing, 0, 1).orThrow();
        }
    }

    public record FakeMlpSpec(
            @Param(description = "hidden layer widths", defaultValue = "[64, 64]") List<Integer> hidden,
            @Param(description = "hidden activation", defaultValue = "relu") String activation,
            @Param(description = "batch normalisation", defaultValue = "false") boolean batchNorm)
            implements PluginSpec
    {
        public FakeMlpSpec
        {
            SpecChecks checks = SpecChecks.check().oneOf("activation", activation, List.of("relu", "leaky-relu", "tanh"));
            for (int layer = 0; layer < hidden.size(); layer++) {
                checks.positive("hidden[" + layer + "]", hidden.get(layer));
            }
            checks.orThrow();
        }
    }

    public record FakeAdamSpec(
            @Param(description = "step size", defaultValue = "1.0e-3") double learningRate,
            @Param(description = "first moment decay", defaultValue = "0.9") double beta1,
            @Param(description = "second moment decay", defaultValue = "0.999") double beta2)
            implements PluginSpec
    {
        public FakeAdamSpec
        {
            SpecChecks.check()
                    .positive("learningRate", learningRate)
                    .inHalfOpenRange("beta1", beta1, 0, 1)
                    .inHalfOpenRange("beta2", beta2, 0, 1)
                    .orThrow();
        }
    }

    public record FakeSgdSpec(@Param(description = "step size") double learningRate)
            implements PluginSpec {}

    public record FakeR1Spec(@Param(description = "penalty weight", defaultValue = "10.0") double gamma)
            implements PluginSpec
    {
        public FakeR1Spec
        {
            SpecChecks.check().nonNegative("gamma", gamma).orThrow();
        }
    }

    public record FakeModeCoverageSpec(@Param(description = "distance in standard deviations", defaultValue = "3") double threshold)
            implements PluginSpec {}

    public record FakeMlflowSpec(
            @Param(description = "tracking server") String uri,
            @Param(description = "extra run tags", defaultValue = "[]") List<String> tags)
            implements PluginSpec {}

    @Override
    public List<DataSourceFactory<?>> dataSources()
    {
        return List.of(new Data<>("ring", FakeRingSpec.class), new Data<>("grid", FakeGridSpec.class));
    }

    @Override
    public List<NoisePriorFactory<?>> noisePriors()
    {
        return List.of(new Prior<>("gaussian", FakeGaussianSpec.class));
    }

    @Override
    public List<LossVariantFactory<?>> lossVariants()
    {
        return List.of(new Loss<>("minimax", FakeMinimaxSpec.class), new Loss<>("non-saturating", FakeNonSaturatingSpec.class));
    }

    @Override
    public List<OptimizerFactory<?>> optimizers()
    {
        return List.of(new Optimizers<>("adam", FakeAdamSpec.class), new Optimizers<>("sgd", FakeSgdSpec.class));
    }

    @Override
    public List<NetworkFactory<?>> networks()
    {
        return List.of(new Networks<>("mlp", FakeMlpSpec.class));
    }

    @Override
    public List<GradientPenaltyFactory<?>> gradientPenalties()
    {
        return List.of(new Penalties<>("r1", FakeR1Spec.class));
    }

    @Override
    public List<MetricFactory<?>> metrics()
    {
        return List.of(new Metrics<>("mode-coverage", FakeModeCoverageSpec.class));
    }

    @Override
    public List<TrackerFactory<?>> trackers()
    {
        return List.of(new Trackers<>("mlflow", FakeMlflowSpec.class));
    }

    private static UnsupportedOperationException notCreated()
    {
        return new UnsupportedOperationException("descriptor tests bind specs and never create plugins");
    }

    private record Data<S extends PluginSpec>(String name, Class<S> specClass)
            implements DataSourceFactory<S>
    {
        @Override
        public DataSource create(S spec, PluginContext context)
        {
            throw notCreated();
        }
    }

    private record Prior<S extends PluginSpec>(String name, Class<S> specClass)
            implements NoisePriorFactory<S>
    {
        @Override
        public NoisePrior create(S spec, PluginContext context)
        {
            throw notCreated();
        }
    }

    private record Loss<S extends PluginSpec>(String name, Class<S> specClass)
            implements LossVariantFactory<S>
    {
        @Override
        public LossVariant create(S spec, PluginContext context)
        {
            throw notCreated();
        }
    }

    private record Optimizers<S extends PluginSpec>(String name, Class<S> specClass)
            implements OptimizerFactory<S>
    {
        @Override
        public Optimizer create(S spec, PluginContext context)
        {
            throw notCreated();
        }
    }

    private record Networks<S extends PluginSpec>(String name, Class<S> specClass)
            implements NetworkFactory<S>
    {
        @Override
        public Network create(S spec, NetworkContext context)
        {
            throw notCreated();
        }
    }

    private record Penalties<S extends PluginSpec>(String name, Class<S> specClass)
            implements GradientPenaltyFactory<S>
    {
        @Override
        public GradientPenalty create(S spec, PluginContext context)
        {
            throw notCreated();
        }
    }

    private record Metrics<S extends PluginSpec>(String name, Class<S> specClass)
            implements MetricFactory<S>
    {
        @Override
        public Metric create(S spec, PluginContext context)
        {
            throw notCreated();
        }
    }

    private record Trackers<S extends PluginSpec>(String name, Class<S> specClass)
            implements TrackerFactory<S>
    {
        @Override
        public Tracker create(S spec, PluginContext context)
        {
            throw notCreated();
        }
    }
}
