package io.minimax.core.wiring;

import io.minimax.core.descriptor.DescriptorException;
import io.minimax.core.descriptor.DescriptorProblem;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.descriptor.PluginSelection;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.evaluation.SampleEvaluation;
import io.minimax.core.platform.ByteSizes;
import io.minimax.core.platform.MemoryLimits;
import io.minimax.core.plugin.ExtensionPoints;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecProblem;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.network.NetworkFactory;
import io.minimax.spi.network.NetworkRole;
import io.minimax.spi.network.NetworkSize;
import io.minimax.spi.prior.NoisePrior;
import io.minimax.spi.prior.NoisePriorFactory;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Refuses, before anything is allocated, a run whose networks do not fit the shapes between them (a network
 * factory's {@link NetworkFactory#check}, told whether the run's gradient penalties need double backpropagation), and a
 * run whose arrays cannot fit in this JVM or whose sizes overflow the 32-bit counts BLAS takes. The estimate is a
 * lower bound: the parameters and gradients of both networks (sizes from {@link NetworkFactory#size}; a network whose
 * factory cannot tell counts nothing), the buffers of the batch sizes
 * each network passes (the generator m, the discriminator 2m and m), the minibatch, and the evaluation's samples
 * pushed through the generator. Optimizer state and metrics' own arrays are not counted. The shapes come from the
 * run's data source and prior, built here once more as the run will build them.
 */
public final class RunMemory
{
    // runs compute in float (RunSession)
    private static final int ELEMENT_BYTES = DataType.FLOAT.width();

    private final PluginRegistry registry;
    private final MemoryLimits limits;

    public RunMemory(PluginRegistry registry, MemoryLimits limits)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /** @throws DescriptorException naming the section to change, the estimate and the limits, for every run that cannot fit */
    public void check(ExperimentPlan plan)
    {
        Set<DescriptorProblem> problems = new LinkedHashSet<>();
        for (RunPlan run : plan.runs()) {
            problems.addAll(problems(run.spec()));
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(List.copyOf(problems));
        }
    }

    /** The networks' problems between the run's shapes, if any; otherwise the memory problem, if any. */
    private List<DescriptorProblem> problems(ExperimentSpec spec)
    {
        DataSource data;
        try {
            data = dataSource(find(registry.point(ExtensionPoints.DATA_SOURCES).find(spec.data().type()), spec.data()),
                    spec.data().spec(), context(spec, spec.data()));
        }
        catch (InvalidSpecException e) {
            // the spec was valid, what it names is not (a data file missing or damaged): the section's path says which
            SpecProblem first = e.problems().get(0);
            String path = first.field().isEmpty() ? spec.data().path() : spec.data().path() + "." + first.field();
            return List.of(new DescriptorProblem(path, first.message()));
        }
        NoisePrior prior = noisePrior(find(registry.point(ExtensionPoints.NOISE_PRIORS).find(spec.prior().type()), spec.prior()),
                spec.prior().spec(), context(spec, spec.prior()));
        List<DescriptorProblem> problems = new ArrayList<>();
        problems.addAll(check(spec.generator(), NetworkRole.GENERATOR, new long[] {prior.dimension()}, data.sampleShape(), false));
        problems.addAll(check(spec.discriminator(), NetworkRole.DISCRIMINATOR, data.sampleShape(), new long[] {1},
                !spec.penalties().isEmpty()));
        return problems.isEmpty() ? problem(spec, data.sampleShape(), prior).stream().toList() : problems;
    }

    private Optional<DescriptorProblem> problem(ExperimentSpec spec, long[] sampleShape, NoisePrior prior)
    {
        double sampleElements = product(sampleShape);
        int batchSize = spec.train().batchSize();
        if (sampleElements > Integer.MAX_VALUE) {
            return Optional.of(new DescriptorProblem(spec.data().path(), String.format(
                    "a sample of %.0f elements is more than the %d that BLAS counts in 32 bits", sampleElements, Integer.MAX_VALUE)));
        }
        if (2L * batchSize > Integer.MAX_VALUE) {
            return Optional.of(new DescriptorProblem("train.batchSize", "the discriminator takes 2·batchSize = " + 2L * batchSize
                    + " rows at once, more than the " + Integer.MAX_VALUE + " that BLAS counts in 32 bits"));
        }

        double[] generator = size(spec.generator(), new long[] {prior.dimension()}, sampleShape);
        double[] discriminator = size(spec.discriminator(), sampleShape, new long[] {1});
        int evaluationRows = SampleEvaluation.SAMPLE_COUNT;
        double fixed = 2 * (generator[0] + discriminator[0])
                + evaluationRows * (generator[1] + 2 * sampleElements + prior.dimension());
        double perRow = generator[1] + 3 * discriminator[1] + 2 * sampleElements + prior.dimension();
        double bytes = ELEMENT_BYTES * (fixed + batchSize * perRow);
        if (bytes <= limits.nativeBytes()) {
            return Optional.empty();
        }
        // to blame: the batch when a batch of one would fit, otherwise the larger network
        double generatorAlone = 2 * generator[0] + (evaluationRows + 1) * generator[1];
        double discriminatorAlone = 2 * discriminator[0] + 3 * discriminator[1];
        String path = ELEMENT_BYTES * (fixed + perRow) <= limits.nativeBytes()
                ? "train.batchSize"
                : generatorAlone >= discriminatorAlone ? spec.generator().path() : spec.discriminator().path();
        String need = Double.isInfinite(bytes) ? "more than " + ByteSizes.format(Long.MAX_VALUE) : "about " + ByteSizes.format(bytes);
        return Optional.of(new DescriptorProblem(path, "the networks need " + need + " of parameters and activations at batch "
                + batchSize + "; " + limits.describe()));
    }

    private List<DescriptorProblem> check(PluginSelection selection, NetworkRole role, long[] inputShape, long[] outputShape,
            boolean doubleBackpropagation)
    {
        NetworkFactory<?> factory = find(registry.point(ExtensionPoints.NETWORKS).find(selection.type()), selection);
        return check(factory, selection.spec(), role, inputShape, outputShape, doubleBackpropagation).stream()
                .map(problem -> new DescriptorProblem(
                        problem.field().isEmpty() ? selection.path() : selection.path() + "." + problem.field(), problem.message()))
                .toList();
    }

    private static <S extends PluginSpec> List<SpecProblem> check(NetworkFactory<S> factory, PluginSpec spec, NetworkRole role,
            long[] inputShape, long[] outputShape, boolean doubleBackpropagation)
    {
        return factory.check(factory.specClass().cast(spec), role, inputShape, outputShape, doubleBackpropagation);
    }

    /** {parameters, activations per sample}; counts that overflow a long are infinite, nothing is known of a factory that cannot tell. */
    private double[] size(PluginSelection selection, long[] inputShape, long[] outputShape)
    {
        try {
            return size(find(registry.point(ExtensionPoints.NETWORKS).find(selection.type()), selection), selection.spec(), inputShape,
                    outputShape)
                    .map(size -> new double[] {size.parameters(), size.activationsPerSample()})
                    .orElse(new double[] {0, 0});
        }
        catch (ArithmeticException overflow) {
            return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
    }

    private static double product(long[] shape)
    {
        double product = 1;
        for (long dimension : shape) {
            product *= dimension;
        }
        return product;
    }

    private static <F> F find(Optional<F> factory, PluginSelection selection)
    {
        return factory.orElseThrow(() -> new IllegalStateException(selection.path() + ": no plugin named '" + selection.type() + "'"));
    }

    private RunPluginContext context(ExperimentSpec spec, PluginSelection selection)
    {
        return RunPluginContext.forSection(spec.seed(), selection.path(), DataType.FLOAT, registry.shared());
    }

    private static <S extends PluginSpec> DataSource dataSource(DataSourceFactory<S> factory, PluginSpec spec, PluginContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }

    private static <S extends PluginSpec> NoisePrior noisePrior(NoisePriorFactory<S> factory, PluginSpec spec, PluginContext context)
    {
        return factory.create(factory.specClass().cast(spec), context);
    }

    private static <S extends PluginSpec> Optional<NetworkSize> size(NetworkFactory<S> factory, PluginSpec spec, long[] inputShape,
            long[] outputShape)
    {
        return factory.size(factory.specClass().cast(spec), inputShape, outputShape);
    }
}
