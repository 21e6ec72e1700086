package io.minimax.plugins.toydata;

import io.minimax.spi.RandomSource;
import io.minimax.spi.data.DataSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Every value of every sample drawn i.i.d. from U[low, high): one native op per batch, straight into the caller's
 * array. It stands in for image-sized data where only the cost of a step matters, so it publishes no density.
 */
public final class UniformNoiseDataSource
        implements DataSource
{
    private final long[] sampleShape;
    private final double low;
    private final double high;
    private final RandomSource random;

    public UniformNoiseDataSource(long[] sampleShape, double low, double high, RandomSource random)
    {
        requireNonNull(sampleShape, "sampleShape is null");
        if (sampleShape.length == 0 || Arrays.stream(sampleShape).anyMatch(size -> size <= 0)) {
            throw new IllegalArgumentException("sampleShape must have positive sizes (got " + Arrays.toString(sampleShape) + ")");
        }
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("need finite low < high (got " + low + ", " + high + ")");
        }
        this.sampleShape = sampleShape.clone();
        this.low = low;
        this.high = high;
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public long[] sampleShape()
    {
        return sampleShape.clone();
    }

    @Override
    public void sample(INDArray out)
    {
        requireNonNull(out, "out is null");
        long[] shape = out.shape();
        if (shape.length != sampleShape.length + 1 || !Arrays.equals(shape, 1, shape.length, sampleShape, 0, sampleShape.length)) {
            String expected = Arrays.stream(sampleShape).mapToObj(Long::toString).collect(Collectors.joining(", ", "[m, ", "]"));
            throw new IllegalArgumentException("samples need shape " + expected + ", got " + Arrays.toString(shape));
        }
        random.uniform(out, low, high);
    }
}
