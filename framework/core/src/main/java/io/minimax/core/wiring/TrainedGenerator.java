package io.minimax.core.wiring;

import com.google.inject.Injector;
import com.google.inject.Key;
import io.minimax.core.checkpoint.RunCheckpoints;
import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.engine.ParameterOwner;
import io.minimax.core.plugin.ExtensionPoints;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkMode;
import io.minimax.spi.prior.NoisePrior;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A run's generator rebuilt from its resolved descriptor by the run's own {@link RunModule}, with the parameters and
 * state of a checkpoint ({@code minimax sample}), in inference mode: batch normalization uses the running statistics,
 * so a sample does not depend on the others drawn with it. Noise comes from a prior of the run's type with a stream of its own, derived
 * from a seed given here rather than the run's: the same seed gives the same samples, and the run's streams are not
 * involved.
 */
public final class TrainedGenerator
{
    /** Networks keep buffers per batch size: large requests go through them in pieces of this many rows. */
    private static final int CHUNK_ROWS = 8192;
    private static final DataType DATA_TYPE = DataType.FLOAT;

    private final ExperimentSpec spec;
    private final PluginRegistry registry;
    private final Network generator;
    private final long[] sampleShape;

    private TrainedGenerator(ExperimentSpec spec, PluginRegistry registry, Network generator, long[] sampleShape)
    {
        this.spec = spec;
        this.registry = registry;
        this.generator = generator;
        this.sampleShape = sampleShape;
    }

    /**
     * @param parameters the generator's parameter vector, as a checkpoint holds it ({@code generator/parameters})
     * @throws IllegalArgumentException when the vector does not have as many values as the descriptor's generator
     */
    public static TrainedGenerator create(ExperimentSpec spec, PluginRegistry registry, INDArray parameters)
    {
        return create(spec, registry, parameters, Map.of());
    }

    /**
     * @param state the generator's state arrays by name, as a checkpoint holds them ({@code generator/state/<name>});
     *     arrays it lacks stay as initialised
     */
    public static TrainedGenerator create(ExperimentSpec spec, PluginRegistry registry, INDArray parameters, Map<String, INDArray> state)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(registry, "registry is null");
        requireNonNull(parameters, "parameters is null");
        Injector injector = RunInjector.create(new RunModule(spec, registry, DATA_TYPE, ParameterOwner.RUN));
        Network generator = injector.getInstance(Key.get(Network.class, Generator.class));
        if (generator.parameters().length() != parameters.length()) {
            throw new IllegalArgumentException("the checkpoint's generator has " + parameters.length()
                    + " parameters, the descriptor's " + generator.parameters().length());
        }
        generator.parameters().assign(parameters.reshape(generator.parameters().shape()));
        RunCheckpoints.restoreState(generator, state);
        generator.setMode(NetworkMode.INFERENCE);
        return new TrainedGenerator(spec, registry, generator, injector.getInstance(DataSource.class).sampleShape());
    }

    /** The shape of one sample, without the batch dimension. */
    public long[] sampleShape()
    {
        return sampleShape.clone();
    }

    /** {@code count} samples G(z), {@code [count, sampleShape...]}, z drawn from the run's prior with a stream of {@code seed}. */
    public INDArray sample(int count, long seed)
    {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, not " + count);
        }
        NoisePrior prior = PluginInstances.create(registry, ExtensionPoints.NOISE_PRIORS, spec.prior(),
                RunPluginContext.forSection(seed, "sample/" + spec.prior().path(), DATA_TYPE, registry.shared()));
        INDArray noise = Nd4j.create(DATA_TYPE, count, prior.dimension());
        prior.sample(noise);
        INDArray output = Nd4j.create(DATA_TYPE, shape(count, sampleShape));
        for (long from = 0; from < count; from += CHUNK_ROWS) {
            long to = Math.min(count, from + CHUNK_ROWS);
            output.get(rows(output, from, to)).assign(generator.forward(noise.get(rows(noise, from, to))));
        }
        return output;
    }

    /** {@code count} samples of the run's data, from a stream of {@code seed}: what a plot shows them against. */
    public INDArray realSamples(int count, long seed)
    {
        DataSource data = PluginInstances.create(registry, ExtensionPoints.DATA_SOURCES, spec.data(),
                RunPluginContext.forSection(seed, "sample/" + spec.data().path(), DATA_TYPE, registry.shared()));
        INDArray samples = Nd4j.create(DATA_TYPE, shape(count, sampleShape));
        data.sample(samples);
        return samples;
    }

    private static long[] shape(long rows, long[] sampleShape)
    {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = rows;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return shape;
    }

    private static INDArrayIndex[] rows(INDArray array, long from, long to)
    {
        INDArrayIndex[] indices = new INDArrayIndex[array.rank()];
        indices[0] = NDArrayIndex.interval(from, to);
        Arrays.fill(indices, 1, indices.length, NDArrayIndex.all());
        return indices;
    }
}
