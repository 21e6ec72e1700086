package io.minimax.plugins.priors;

import io.minimax.plugin.support.SeededRandomSource;

import io.minimax.spi.prior.NoisePrior;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestPriorSampling
{
    private static final int SAMPLES = 20_000;
    private static final int DIMENSION = 4;

    @Test
    void gaussianHasZeroMeanAndUnitVarianceInEveryCoordinate()
    {
        INDArray z = draw(new GaussianPrior(DIMENSION, new SeededRandomSource(3)), DataType.DOUBLE);
        for (int j = 0; j < DIMENSION; j++) {
            INDArray coordinate = z.getColumn(j);
            // five standard errors: 1/√n for the mean, √(2/n) for the variance of a normal
            assertThat(coordinate.meanNumber().doubleValue()).isCloseTo(0.0, within(5 / Math.sqrt(SAMPLES)));
            assertThat(coordinate.varNumber().doubleValue()).isCloseTo(1.0, within(5 * Math.sqrt(2.0 / SAMPLES)));
        }
        // a standard normal has 0.27% of its mass beyond 3: far from all or nothing
        double beyondThree = Nd4j.getExecutioner().exec(new MatchCondition(z, Conditions.absGreaterThan(3.0)))
                .getDouble(0) / (SAMPLES * DIMENSION);
        assertThat(beyondThree).isCloseTo(0.0027, within(0.0015));
    }

    @Test
    void uniformStaysInItsBoundsAndHasTheUniformMoments()
    {
        double low = -3;
        double high = 5;
        INDArray z = draw(new UniformPrior(DIMENSION, low, high, new SeededRandomSource(4)), DataType.DOUBLE);
        assertThat(z.minNumber().doubleValue()).isGreaterThanOrEqualTo(low).isLessThan(low + 0.01);
        assertThat(z.maxNumber().doubleValue()).isLessThan(high).isGreaterThan(high - 0.01);
        double variance = (high - low) * (high - low) / 12;
        for (int j = 0; j < DIMENSION; j++) {
            INDArray coordinate = z.getColumn(j);
            assertThat(coordinate.meanNumber().doubleValue()).isCloseTo(1.0, within(5 * Math.sqrt(variance / SAMPLES)));
            // Var(s²) ≈ (μ₄ − σ⁴)/n, and a uniform has μ₄ = 1.8σ⁴
            assertThat(coordinate.varNumber().doubleValue()).isCloseTo(variance, within(5 * variance * Math.sqrt(0.8 / SAMPLES)));
        }
    }

    @Test
    void theSameSeedGivesTheSameNoiseAndAnotherSeedDoesNot()
    {
        assertThat(draw(new GaussianPrior(DIMENSION, new SeededRandomSource(9)), DataType.FLOAT))
                .isEqualTo(draw(new GaussianPrior(DIMENSION, new SeededRandomSource(9)), DataType.FLOAT))
                .isNotEqualTo(draw(new GaussianPrior(DIMENSION, new SeededRandomSource(10)), DataType.FLOAT));
        assertThat(draw(new UniformPrior(DIMENSION, -1, 1, new SeededRandomSource(9)), DataType.FLOAT))
                .isEqualTo(draw(new UniformPrior(DIMENSION, -1, 1, new SeededRandomSource(9)), DataType.FLOAT))
                .isNotEqualTo(draw(new UniformPrior(DIMENSION, -1, 1, new SeededRandomSource(10)), DataType.FLOAT));
    }

    @Test
    void successiveBatchesAreFreshDraws()
    {
        NoisePrior prior = new GaussianPrior(DIMENSION, new SeededRandomSource(5));
        INDArray first = Nd4j.create(DataType.DOUBLE, 8, DIMENSION);
        INDArray second = Nd4j.create(DataType.DOUBLE, 8, DIMENSION);
        prior.sample(first);
        prior.sample(second);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void rejectsABatchOfTheWrongDimension()
    {
        assertThatThrownBy(() -> new GaussianPrior(DIMENSION, new SeededRandomSource(1)).sample(Nd4j.create(DataType.FLOAT, 8, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prior samples need shape [m, 4], got [8, 3]");
    }

    private static INDArray draw(NoisePrior prior, DataType dataType)
    {
        INDArray out = Nd4j.create(dataType, SAMPLES, prior.dimension());
        prior.sample(out);
        assertThat(out.dataType()).isEqualTo(dataType);
        return out;
    }
}
