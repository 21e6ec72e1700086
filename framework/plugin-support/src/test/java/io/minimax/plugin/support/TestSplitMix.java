package io.minimax.plugin.support;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream a checkpoint can save is the very stream of {@link SplittableRandom}, whatever mix of draws is asked for. */
class TestSplitMix
{
    @Test
    void drawsWhatSplittableRandomDraws()
    {
        for (long seed : new long[] {0, 1, -7, 0x5f3759df9e3779b9L}) {
            SplittableRandom expected = new SplittableRandom(seed);
            SplitMix actual = new SplitMix(seed);
            for (int i = 0; i < 20_000; i++) {
                switch (i % 8) {
                    case 0 -> assertThat(actual.nextGaussian()).isEqualTo(expected.nextGaussian());
                    case 1 -> assertThat(actual.nextDouble()).isEqualTo(expected.nextDouble());
                    case 2 -> assertThat(actual.nextInt(7)).isEqualTo(expected.nextInt(7));
                    case 3 -> assertThat(actual.nextInt()).isEqualTo(expected.nextInt());
                    case 4 -> assertThat(actual.nextLong()).isEqualTo(expected.nextLong());
                    case 5 -> assertThat(actual.nextInt(3, 1000)).isEqualTo(expected.nextInt(3, 1000));
                    case 6 -> assertThat(actual.nextBoolean()).isEqualTo(expected.nextBoolean());
                    default -> assertThat(actual.nextFloat()).isEqualTo(expected.nextFloat());
                }
            }
        }
    }

    @Test
    void continuesFromARestoredPosition()
    {
        SeededRandomSource source = new SeededRandomSource(42);
        source.scalars().nextGaussian();
        long[] position = source.position();
        double next = source.scalars().nextGaussian();
        SeededRandomSource resumed = new SeededRandomSource(42);
        resumed.restore(position);
        assertThat(resumed.scalars().nextGaussian()).isEqualTo(next);
    }
}
