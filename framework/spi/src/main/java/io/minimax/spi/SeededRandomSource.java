package io.minimax.spi;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

final class SeededRandomSource
        implements RandomSource
{
    private final long seed;
    private final SplittableRandom scalars;
    private Random nd4j;

    SeededRandomSource(long seed)
    {
        this.seed = seed;
        this.scalars = new SplittableRandom(seed);
    }

    @Override
    public long seed()
    {
        return seed;
    }

    @Override
    public void gaussian(INDArray out, double mean, double std)
    {
        Nd4j.getExecutioner().exec(new GaussianDistribution(out, mean, std), nd4j());
    }

    @Override
    public void uniform(INDArray out, double low, double high)
    {
        Nd4j.getExecutioner().exec(new UniformDistribution(out, low, high), nd4j());
    }

    @Override
    public SplittableRandom scalars()
    {
        return scalars;
    }

    @Override
    public RandomSource fork(String name)
    {
        // FNV-1a over the name, mixed with the seed by SplitMix64's finaliser: stable across JVMs and releases.
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = seed + hash * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return new SeededRandomSource(z ^ (z >>> 31));
    }

    private Random nd4j()
    {
        // Created on first use: a native generator costs a native allocation, and many sources never fill arrays.
        if (nd4j == null) {
            // ND4J's native generator seeded with 0 does not repeat its draws (measured: two generators seeded 0
            // fill the same array differently), so 0 is replaced by a fixed odd constant; other seeds pass through.
            nd4j = Nd4j.getRandomFactory().getNewRandomInstance(seed == 0 ? 0x9e3779b97f4a7c15L : seed);
        }
        return nd4j;
    }
}
