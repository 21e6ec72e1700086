package io.minimax.plugin.support;

import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * Arrays are filled in plain Java from a {@link java.util.SplittableRandom}'s stream of their own ({@link SplitMix};
 * Java 17's ziggurat Gaussians) and copied into the array's memory in bulk: a minibatch of noise costs a few
 * microseconds, where an ND4J random op costs 10–20 µs of fixed overhead (see the README's Performance section). The
 * draws depend only on the seed and the order of the calls, never on the array's layout or type: a view, a contiguous
 * array, FLOAT or DOUBLE all receive the same numbers (rounded to their type).
 */
public final class SeededRandomSource
        implements RandomSource
{
    // mixed into the seed of the fill stream, so that it differs from the scalar stream
    private static final long FILLS = 0x5f3759df9e3779b9L;

    private final long seed;
    private final SplitMix scalars;
    private final SplitMix fills;
    private double[] draws = new double[0];
    private float[] floats = new float[0];

    public SeededRandomSource(long seed)
    {
        this.seed = seed;
        this.scalars = new SplitMix(seed);
        this.fills = new SplitMix(mix(seed ^ FILLS));
    }

    @Override
    public long seed()
    {
        return seed;
    }

    @Override
    public void gaussian(INDArray out, double mean, double std)
    {
        int length = draws(out);
        for (int i = 0; i < length; i++) {
            draws[i] = mean + std * fills.nextGaussian();
        }
        write(out, length);
    }

    @Override
    public void uniform(INDArray out, double low, double high)
    {
        int length = draws(out);
        double width = high - low;
        for (int i = 0; i < length; i++) {
            draws[i] = low + width * fills.nextDouble();
        }
        write(out, length);
    }

    @Override
    public RandomGenerator scalars()
    {
        return scalars;
    }

    /** The scalar stream's and the fill stream's SplitMix64 states: the arrays drawn hold no state of their own. */
    @Override
    public long[] position()
    {
        return new long[] {scalars.state(), fills.state()};
    }

    @Override
    public void restore(long[] position)
    {
        if (position.length != 2) {
            throw new IllegalArgumentException("a position has 2 values, got " + position.length);
        }
        scalars.restore(position[0]);
        fills.restore(position[1]);
    }

    @Override
    public RandomSource fork(String name)
    {
        // FNV-1a over the name, mixed with the seed by SplitMix64's finaliser: stable across JVMs and releases.
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new SeededRandomSource(mix(seed + hash * 0x9e3779b97f4a7c15L));
    }

    private static long mix(long z)
    {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private int draws(INDArray out)
    {
        int length = Math.toIntExact(out.length());
        if (draws.length < length) {
            draws = new double[length];
        }
        return length;
    }

    /** Copies the first {@code length} draws into {@code out}, in row-major order. */
    private void write(INDArray out, int length)
    {
        if (NativeArrays.isContiguous(out) && out.dataType() == DataType.FLOAT) {
            if (floats.length < length) {
                floats = new float[length];
            }
            float[] values = floats;
            for (int i = 0; i < length; i++) {
                values[i] = (float) draws[i];
            }
            NativeArrays.floats(out).put(values, 0, length);
        }
        else if (NativeArrays.isContiguous(out) && out.dataType() == DataType.DOUBLE) {
            NativeArrays.doubles(out).put(draws, 0, length);
        }
        else {
            double[] values = java.util.Arrays.copyOf(draws, length);
            out.assign(Nd4j.createFromArray(values).reshape('c', out.shape()).castTo(out.dataType()));
        }
    }
}
