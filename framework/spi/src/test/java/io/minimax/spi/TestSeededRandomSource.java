package io.minimax.spi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

class TestSeededRandomSource
{
    /** Seed 0 included: ND4J's native generator does not repeat itself when seeded with 0. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 7, -3})
    void sameSeedFillsArraysAlike(long seed)
    {
        INDArray first = Nd4j.create(DataType.FLOAT, 1, 50);
        INDArray second = Nd4j.create(DataType.FLOAT, 1, 50);
        RandomSource.seeded(seed).uniform(first, -1, 1);
        RandomSource.seeded(seed + 1).gaussian(Nd4j.create(DataType.FLOAT, 1, 7), 0, 1);
        RandomSource.seeded(seed).uniform(second, -1, 1);
        assertThat(second).isEqualTo(first);

        RandomSource.seeded(seed).gaussian(first, 0, 1);
        RandomSource.seeded(seed).gaussian(second, 0, 1);
        assertThat(second).isEqualTo(first);
    }
}
