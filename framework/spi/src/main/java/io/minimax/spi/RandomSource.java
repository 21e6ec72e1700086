package io.minimax.spi;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;

/**
 * A seeded random stream: the same {@link #seed()} and the same calls give the same draws, whatever the layout or data
 * type of the arrays filled. Not thread-safe: a run draws from one thread. The framework's implementation, for tests
 * and tools that need one, is {@code io.minimax.plugin.support.SeededRandomSource}.
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
}
