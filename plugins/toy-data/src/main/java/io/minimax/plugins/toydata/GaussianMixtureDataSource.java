package io.minimax.plugins.toydata;

import io.minimax.plugin.support.NativeArrays;
import io.minimax.spi.RandomSource;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.Density;
import io.minimax.spi.data.ModeMixture;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Samples of a {@link GaussianMixture}: the {@code gaussian-1d}, {@code ring} and {@code grid} data sources.
 * A batch draws the components, then the isotropic noise straight into the caller's array, then adds the chosen
 * means: in plain Java on a contiguous FLOAT array, else through a cached array of means and one native op.
 */
public final class GaussianMixtureDataSource
        implements DataSource
{
    private final GaussianMixture mixture;
    private final RandomSource random;
    private final Density density;
    // the means of the components drawn for the current batch; reused while the batch size and type stay the same
    private INDArray chosenMeans;
    private int[] chosen = new int[0];

    public GaussianMixtureDataSource(GaussianMixture mixture, RandomSource random)
    {
        this.mixture = requireNonNull(mixture, "mixture is null");
        this.random = requireNonNull(random, "random is null");
        this.density = new GaussianMixtureDensity(mixture);
    }

    /** Where the modes are and how wide: what mode-coverage instruments measure generated samples against. */
    public GaussianMixture mixture()
    {
        return mixture;
    }

    @Override
    public long[] sampleShape()
    {
        return new long[] {mixture.dimension()};
    }

    @Override
    public void sample(INDArray out)
    {
        requireNonNull(out, "out is null");
        int dimension = mixture.dimension();
        if (out.rank() != 2 || out.size(1) != dimension) {
            throw new IllegalArgumentException("samples need shape [m, " + dimension + "], got " + Arrays.toString(out.shape()));
        }
        int count = Math.toIntExact(out.size(0));
        // components first, then the noise: the draws come in the same order whatever the array's type or layout
        RandomGenerator scalars = random.scalars();
        int components = mixture.componentCount();
        if (chosen.length < count) {
            chosen = new int[count];
        }
        for (int i = 0; i < count; i++) {
            chosen[i] = components == 1 ? 0 : scalars.nextInt(components);
        }
        random.gaussian(out, 0, mixture.std());
        if (out.dataType() == DataType.FLOAT && NativeArrays.isContiguous(out)) {
            // plain Java on the array's own memory: cheaper than building a means array and one more native op
            FloatBuffer buffer = NativeArrays.floats(out);
            for (int i = 0; i < count; i++) {
                for (int axis = 0; axis < dimension; axis++) {
                    int index = i * dimension + axis;
                    buffer.put(index, buffer.get(index) + (float) mixture.coordinate(chosen[i], axis));
                }
            }
            return;
        }
        INDArray batchMeans = chosenMeansBuffer(count, out.dataType());
        // direct buffer writes: the array is ours, C-ordered and unstrided, so row i starts at i·dimension
        DataBuffer means = batchMeans.data();
        for (int i = 0; i < count; i++) {
            for (int axis = 0; axis < dimension; axis++) {
                means.put((long) i * dimension + axis, mixture.coordinate(chosen[i], axis));
            }
        }
        out.addi(batchMeans);
    }

    @Override
    public Optional<Density> density()
    {
        return Optional.of(density);
    }

    @Override
    public Optional<ModeMixture> modes()
    {
        return Optional.of(mixture.modes());
    }

    private INDArray chosenMeansBuffer(int count, DataType dataType)
    {
        if (chosenMeans == null || chosenMeans.size(0) != count || chosenMeans.dataType() != dataType) {
            chosenMeans = Nd4j.create(dataType, count, mixture.dimension());
        }
        return chosenMeans;
    }
}
