package io.minimax.plugin.support;

import java.util.random.RandomGenerator;

/**
 * {@link java.util.SplittableRandom}'s SplitMix64 with its gamma fixed, draw for draw the same numbers as a
 * {@code new SplittableRandom(seed)}, but with a state that can be read and set: {@code SplittableRandom} hides its
 * seed, and a checkpoint must save it. Only {@link #nextLong()} and {@link #nextInt()} are SplitMix's own; every
 * other draw (bounded, double, Gaussian) is {@link RandomGenerator}'s default built on them, as in
 * {@code SplittableRandom}. {@code TestSplitMix} compares the two.
 */
final class SplitMix
        implements RandomGenerator
{
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;

    SplitMix(long seed)
    {
        this.seed = seed;
    }

    long state()
    {
        return seed;
    }

    void restore(long state)
    {
        this.seed = state;
    }

    @Override
    public long nextLong()
    {
        return mix64(nextSeed());
    }

    @Override
    public int nextInt()
    {
        return mix32(nextSeed());
    }

    private long nextSeed()
    {
        seed += GOLDEN_GAMMA;
        return seed;
    }

    private static long mix64(long z)
    {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z)
    {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
