package io.minimax.spi;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;

/**
 * A seeded random stream. Arrays are filled from one {@link SplittableRandom} (in Java, copied into the array in
 * bulk), scalars come from another; both are fixed by {@link #seed()}.
 * Not thread-safe: a run draws from one thread.
 */
public interface RandomSource
{
    long seed();

    /** Fills {@code out} in place with independent N(mean, std²) draws. */
    void gaussian(INDArray out, double mean, double std);

    /** Fills {@code out} in place with independent U[low, high) draws. */
    void uniform(INDArray out, double low, double high);

    /** Scalar draws (indices, coin flips) that need not touch native code. */
    SplittableRandom scalars();

    /** An independent stream, deterministic in this source's seed and {@code name}. */
    RandomSource fork(String name);

    static RandomSource seeded(long seed)
    {
        return new SeededRandomSource(seed);
    }
}
