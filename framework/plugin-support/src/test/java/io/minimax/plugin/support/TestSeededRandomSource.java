package io.minimax.plugin.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestSeededRandomSource
{
    /** Seed 0 included (ND4J's native generator, used before, did not repeat itself when seeded with 0). */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 7, -3})
    void sameSeedFillsArraysAlike(long seed)
    {
        INDArray first = Nd4j.create(DataType.FLOAT, 1, 50);
        INDArray second = Nd4j.create(DataType.FLOAT, 1, 50);
        new SeededRandomSource(seed).uniform(first, -1, 1);
        new SeededRandomSource(seed + 1).gaussian(Nd4j.create(DataType.FLOAT, 1, 7), 0, 1);
        new SeededRandomSource(seed).uniform(second, -1, 1);
        assertThat(second).isEqualTo(first);

        new SeededRandomSource(seed).gaussian(first, 0, 1);
        new SeededRandomSource(seed).gaussian(second, 0, 1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theDrawsDependOnTheSeedAndTheCallsNotOnTheArraysLayoutOrType()
    {
        INDArray contiguous = Nd4j.create(DataType.DOUBLE, 4, 3);
        INDArray floats = Nd4j.create(DataType.FLOAT, 4, 3);
        INDArray transposed = Nd4j.create(DataType.DOUBLE, 3, 4).transpose();
        INDArray rowsOfLarger = Nd4j.create(DataType.FLOAT, 10, 3).get(NDArrayIndex.interval(2, 6), NDArrayIndex.all());
        new SeededRandomSource(9).gaussian(contiguous, 1, 2);
        new SeededRandomSource(9).gaussian(floats, 1, 2);
        new SeededRandomSource(9).gaussian(transposed, 1, 2);
        new SeededRandomSource(9).gaussian(rowsOfLarger, 1, 2);
        assertThat(floats).isEqualTo(contiguous.castTo(DataType.FLOAT));
        assertThat(transposed).isEqualTo(contiguous);
        assertThat(rowsOfLarger).isEqualTo(contiguous.castTo(DataType.FLOAT));
    }

    @Test
    void drawsHaveTheirDistribution()
    {
        INDArray gaussian = Nd4j.create(DataType.DOUBLE, 200_000);
        new SeededRandomSource(3).gaussian(gaussian, 1.5, 2.0);
        assertThat(gaussian.meanNumber().doubleValue()).isCloseTo(1.5, within(0.02));
        assertThat(gaussian.stdNumber().doubleValue()).isCloseTo(2.0, within(0.02));
        INDArray uniform = Nd4j.create(DataType.FLOAT, 200_000);
        new SeededRandomSource(3).uniform(uniform, -1, 3);
        assertThat(uniform.minNumber().doubleValue()).isGreaterThanOrEqualTo(-1);
        assertThat(uniform.maxNumber().doubleValue()).isLessThan(3);
        assertThat(uniform.meanNumber().doubleValue()).isCloseTo(1.0, within(0.02));
    }
}
