package io.minimax.plugins.losses;

import io.minimax.plugin.support.Logistic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestStableLogistic
{
    private static final double[] EXTREME_LOGITS = {-1000, -100, -30, -1, 0, 1, 30, 100, 1000};

    @Test
    void scalarSoftplusMatchesTheDefinitionAndItsAsymptotes()
    {
        for (double x = -20; x <= 20; x += 0.25) {
            assertThat(Logistic.softplus(x)).isCloseTo(Math.log(1 + Math.exp(x)), within(1e-14));
        }
        assertThat(Logistic.softplus(1000)).isEqualTo(1000.0);
        assertThat(Logistic.softplus(-1000)).isEqualTo(0.0);
        assertThat(Logistic.softplus(-40)).isCloseTo(Math.exp(-40), within(1e-30));
    }

    @Test
    void scalarSigmoidIsFiniteAndExactAtTheExtremes()
    {
        assertThat(Logistic.sigmoid(0)).isEqualTo(0.5);
        assertThat(Logistic.sigmoid(1000)).isEqualTo(1.0);
        assertThat(Logistic.sigmoid(-1000)).isEqualTo(0.0);
        assertThat(Logistic.sigmoid(-700)).isGreaterThan(0);
        assertThat(Logistic.sigmoid(2)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-16));
    }

    @Test
    void sumsMatchPlainJavaOnRandomLogits()
    {
        double[] logits = randomLogits(64, 5.0, 7);
        double expectedLogSigmoid = 0;
        double expectedLogOneMinusSigmoid = 0;
        for (double f : logits) {
            expectedLogSigmoid += Math.log(1 / (1 + Math.exp(-f)));
            expectedLogOneMinusSigmoid += Math.log(1 - 1 / (1 + Math.exp(-f)));
        }
        StableLogistic logistic = new StableLogistic();
        INDArray array = column(logits, DataType.DOUBLE);
        assertThat(logistic.sumLogSigmoid(array)).isCloseTo(expectedLogSigmoid, within(1e-10));
        assertThat(logistic.sumLogOneMinusSigmoid(array)).isCloseTo(expectedLogOneMinusSigmoid, within(1e-10));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void sumsAreFiniteAndExactForExtremeLogits(DataType dataType)
    {
        StableLogistic logistic = new StableLogistic();
        for (double f : EXTREME_LOGITS) {
            INDArray single = column(new double[] {f}, dataType);
            // log σ(f) = −softplus(−f); exact in double, and to float rounding for FLOAT
            double tolerance = dataType == DataType.DOUBLE ? 1e-12 : 1e-6 * Math.max(1, Math.abs(f));
            assertThat(logistic.sumLogSigmoid(single)).as("log σ(%s)", f)
                    .isFinite()
                    .isCloseTo(-Logistic.softplus(-f), within(tolerance));
            assertThat(logistic.sumLogOneMinusSigmoid(single)).as("log(1 − σ(%s))", f)
                    .isFinite()
                    .isCloseTo(-Logistic.softplus(f), within(tolerance));
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void sigmoidIntoViewsIsExactAtTheExtremes(DataType dataType)
    {
        StableLogistic logistic = new StableLogistic();
        INDArray logits = column(EXTREME_LOGITS, dataType);
        INDArray target = Nd4j.zeros(dataType, EXTREME_LOGITS.length, 3);
        logistic.sigmoid(logits, target.getColumn(1, true));
        for (int i = 0; i < EXTREME_LOGITS.length; i++) {
            assertThat(target.getDouble(i, 1)).isCloseTo(Logistic.sigmoid(EXTREME_LOGITS[i]), within(1e-7));
            assertThat(target.getDouble(i, 0)).isZero();
            assertThat(target.getDouble(i, 2)).isZero();
        }
    }

    @Test
    void scratchArraysFollowTheShapeOfEachCall()
    {
        StableLogistic logistic = new StableLogistic();
        for (int length : new int[] {4, 3, 4, 1}) {
            double[] logits = randomLogits(length, 3.0, length);
            double expected = 0;
            for (double f : logits) {
                expected -= Logistic.softplus(-f);
            }
            assertThat(logistic.sumLogSigmoid(column(logits, DataType.DOUBLE))).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void sigmoidRejectsAnOutputOfAnotherShape()
    {
        assertThatThrownBy(() -> new StableLogistic().sigmoid(Nd4j.zeros(DataType.DOUBLE, 4, 1), Nd4j.zeros(DataType.DOUBLE, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3, 1]")
                .hasMessageContaining("[4, 1]");
    }

    static double[] randomLogits(int count, double scale, long seed)
    {
        Random random = new Random(seed);
        double[] logits = new double[count];
        for (int i = 0; i < count; i++) {
            logits[i] = scale * random.nextGaussian();
        }
        return logits;
    }

    static INDArray column(double[] values, DataType dataType)
    {
        return Nd4j.createFromArray(values).reshape(values.length, 1).castTo(dataType);
    }
}
