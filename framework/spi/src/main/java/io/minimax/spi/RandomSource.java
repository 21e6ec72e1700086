package io.minimax.spi;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.random.RandomGenerator;

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

    /**
     * Scalar draws (indices, coin flips) that need not touch native code: the same numbers a
     * {@link java.util.SplittableRandom} of the stream's scalar seed would give.
     */
    RandomGenerator scalars();

    /**
     * Where the stream is: enough to {@link #restore} it in a new process so that it continues with the very draws this
     * one would have made next (a checkpoint saves it). Not the draws of streams {@link #fork}ed from it.
     */
    long[] position();

    /** Moves the stream to a {@link #position()} taken from a stream of the same seed. */
    void restore(long[] position);

    /** An independent stream, deterministic in this source's seed and {@code name}. */
    RandomSource fork(String name);
}
