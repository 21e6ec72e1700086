package io.minimax.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.descriptor.PluginSelection;
import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.engine.ParameterOwner;
import io.minimax.core.engine.Players;
import io.minimax.core.evaluation.GridNoise;
import io.minimax.core.evaluation.ReferenceData;
import io.minimax.core.plugin.ExtensionPointKind;
import io.minimax.core.plugin.ExtensionPoints;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkRole;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.prior.NoisePrior;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Binds the plugins one run's descriptor names: each extension point's instance comes from the factory its section
 * selects, created with a context whose random stream is derived from the run seed and the section's path.
 * Modules hold no conditional logic: what differs between runs is in the {@link ExperimentSpec}.
 */
public final class RunModule
        extends AbstractModule
{
    private final ExperimentSpec spec;
    private final PluginRegistry registry;
    private final DataType dataType;
    private final ParameterOwner parameterOwner;
    private final RandomStreams streams = new RandomStreams();

    /** A run whose networks get vectors of their own at once ({@link ParameterOwner#RUN}). */
    public RunModule(ExperimentSpec spec, PluginRegistry registry, DataType dataType)
    {
        this(spec, registry, dataType, ParameterOwner.RUN);
    }

    public RunModule(ExperimentSpec spec, PluginRegistry registry, DataType dataType, ParameterOwner parameterOwner)
    {
        this.spec = requireNonNull(spec, "spec is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.dataType = requireNonNull(dataType, "dataType is null");
        this.parameterOwner = requireNonNull(parameterOwner, "parameterOwner is null");
    }

    @Override
    protected void configure()
    {
        bind(ExperimentSpec.class).toInstance(spec);
        bind(TrainSpec.class).toInstance(spec.train());
        bind(PluginRegistry.class).toInstance(registry);
        bind(DataType.class).toInstance(dataType);
        bind(RandomStreams.class).toInstance(streams);
    }

    @Provides
    @Singleton
    DataSource dataSource()
    {
        return create(ExtensionPoints.DATA_SOURCES, spec.data(), context(spec.data()));
    }

    @Provides
    @Singleton
    NoisePrior noisePrior()
    {
        return create(ExtensionPoints.NOISE_PRIORS, spec.prior(), context(spec.prior()));
    }

    @Provides
    @Singleton
    @ForEvaluation
    DataSource evaluationDataSource()
    {
        return create(ExtensionPoints.DATA_SOURCES, spec.data(), evaluationContext(spec.data()));
    }

    @Provides
    @Singleton
    @ForEvaluation
    NoisePrior evaluationNoisePrior()
    {
        return create(ExtensionPoints.NOISE_PRIORS, spec.prior(), evaluationContext(spec.prior()));
    }

    /** Unregistered streams: a reference set is drawn from its seed's start every time, so no checkpoint needs its position. */
    @Provides
    @Singleton
    ReferenceData referenceData()
    {
        return new ReferenceData(() -> create(ExtensionPoints.DATA_SOURCES, spec.data(),
                RunPluginContext.forSection(spec.seed(), "reference/" + spec.data().path(), dataType, registry.shared())));
    }

    /** Unregistered too: the grids' noise is drawn once from its seed's start, so a resumed run's grids show the same z. */
    @Provides
    @Singleton
    GridNoise gridNoise()
    {
        return new GridNoise(create(ExtensionPoints.NOISE_PRIORS, spec.prior(),
                RunPluginContext.forSection(spec.seed(), "grid/" + spec.prior().path(), dataType, registry.shared())), dataType);
    }

    @Provides
    @Singleton
    LossVariant lossVariant()
    {
        return create(ExtensionPoints.LOSS_VARIANTS, spec.loss(), context(spec.loss()));
    }

    @Provides
    @Singleton
    List<GradientPenalty> gradientPenalties()
    {
        return spec.penalties().stream()
                .map(selection -> create(ExtensionPoints.GRADIENT_PENALTIES, selection, context(selection)))
                .toList();
    }

    @Provides
    @Singleton
    @Generator
    Network generator(NoisePrior prior, DataSource data)
    {
        return network(spec.generator(), NetworkRole.GENERATOR, new long[] {prior.dimension()}, data.sampleShape());
    }

    @Provides
    @Singleton
    @Discriminator
    Network discriminator(DataSource data)
    {
        return network(spec.discriminator(), NetworkRole.DISCRIMINATOR, data.sampleShape(), new long[] {1});
    }

    @Provides
    @Singleton
    @Generator
    Optimizer generatorOptimizer()
    {
        return optimizer(spec.generatorOptimizer());
    }

    @Provides
    @Singleton
    @Discriminator
    Optimizer discriminatorOptimizer()
    {
        return optimizer(spec.discriminatorOptimizer());
    }

    @Provides
    @Singleton
    List<Metric> metrics()
    {
        return spec.metrics().stream()
                .map(selection -> create(ExtensionPoints.METRICS, selection, context(selection)))
                .toList();
    }

    @Provides
    @Singleton
    Players players(DataSource data, NoisePrior prior, LossVariant loss, List<GradientPenalty> penalties, @Generator Network generator,
            @Discriminator Network discriminator, @Generator Optimizer generatorOptimizer, @Discriminator Optimizer discriminatorOptimizer)
    {
        return new Players(data, prior, loss, penalties, generator, discriminator, generatorOptimizer, discriminatorOptimizer);
    }

    private Network network(PluginSelection selection, NetworkRole role, long[] inputShape, long[] outputShape)
    {
        RunPluginContext.Network context = new RunPluginContext.Network(
                context(selection).random(), dataType, registry.shared(), role, inputShape, outputShape);
        Network network = create(ExtensionPoints.NETWORKS, selection, context);
        parameterOwner.networkMade(network, dataType);
        return network;
    }

    private Optimizer optimizer(PluginSelection selection)
    {
        return create(ExtensionPoints.OPTIMIZERS, selection, context(selection));
    }

    private <F extends PluginFactory<?>, C, T> T create(ExtensionPointKind<F, C, T> kind, PluginSelection selection, C context)
    {
        return PluginInstances.create(registry, kind, selection, context);
    }

    private RunPluginContext evaluationContext(PluginSelection selection)
    {
        return registered("evaluation/" + selection.path());
    }

    private RunPluginContext context(PluginSelection selection)
    {
        return registered(selection.path());
    }

    private RunPluginContext registered(String sectionPath)
    {
        RunPluginContext context = RunPluginContext.forSection(spec.seed(), sectionPath, dataType, registry.shared());
        streams.register(sectionPath, context.random());
        return context;
    }
}
