package io.minimax.plugins.losses;

import io.minimax.spi.loss.LossVariant;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static io.minimax.plugins.losses.TestStableLogistic.column;
import static io.minimax.plugins.losses.TestStableLogistic.randomLogits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The two generator objectives: same fixed point, very different gradients when D wins. */
class TestGeneratorLoss
{
    private static final int BATCH = 32;
    // σ(−100) = 3.7e−44 is the exact value, not an error: the limit 0 is reached to far below rounding of 1
    private static final double LIMIT = 1e-40;

    @Test
    void minimaxLossIsMeanLogOfOneMinusDAndItsGradientIsMinusSigmoidOverM()
    {
        double[] logits = randomLogits(BATCH, 3.0, 11);
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, BATCH, 1);

        double loss = new MinimaxLoss().generatorLoss(column(logits, DataType.DOUBLE), gradient);

        double expected = 0;
        for (int i = 0; i < BATCH; i++) {
            double discriminator = 1 / (1 + Math.exp(-logits[i]));
            expected += Math.log(1 - discriminator) / BATCH;
            assertThat(gradient.getDouble(i, 0)).isCloseTo(-discriminator / BATCH, within(1e-16));
        }
        assertThat(loss).isCloseTo(expected, within(1e-12));
    }

    @Test
    void nonSaturatingLossIsMinusMeanLogDAndItsGradientIsMinusOneMinusSigmoidOverM()
    {
        double[] logits = randomLogits(BATCH, 3.0, 12);
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, BATCH, 1);

        double loss = new NonSaturatingLoss().generatorLoss(column(logits, DataType.DOUBLE), gradient);

        double expected = 0;
        for (int i = 0; i < BATCH; i++) {
            double discriminator = 1 / (1 + Math.exp(-logits[i]));
            expected -= Math.log(discriminator) / BATCH;
            assertThat(gradient.getDouble(i, 0)).isCloseTo(-(1 - discriminator) / BATCH, within(1e-16));
        }
        assertThat(loss).isCloseTo(expected, within(1e-12));
    }

    @Test
    void minimaxGradientVanishesWhenTheDiscriminatorRejectsTheSamplesButNonSaturatingDoesNot()
    {
        INDArray rejected = Nd4j.valueArrayOf(new long[] {BATCH, 1}, -30.0, DataType.DOUBLE);
        INDArray minimaxGradient = Nd4j.zeros(DataType.DOUBLE, BATCH, 1);
        INDArray nonSaturatingGradient = Nd4j.zeros(DataType.DOUBLE, BATCH, 1);

        new MinimaxLoss().generatorLoss(rejected, minimaxGradient);
        new NonSaturatingLoss().generatorLoss(rejected, nonSaturatingGradient);

        for (int i = 0; i < BATCH; i++) {
            assertThat(Math.abs(minimaxGradient.getDouble(i, 0))).isLessThan(1e-12).isGreaterThan(0);
            assertThat(nonSaturatingGradient.getDouble(i, 0)).isCloseTo(-1.0 / BATCH, within(1e-12));
        }
    }

    @Test
    void extremeLogitsGiveFiniteLossesAndLimitingGradients()
    {
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (double magnitude : new double[] {100, 1000}) {
                INDArray logits = column(new double[] {-magnitude, magnitude}, dataType);
                String what = "±" + magnitude + " in " + dataType;

                INDArray minimaxGradient = Nd4j.zeros(dataType, 2, 1);
                double minimax = new MinimaxLoss().generatorLoss(logits, minimaxGradient);
                // log(1 − σ(−|f|)) = 0 and log(1 − σ(|f|)) = −|f|
                assertThat(minimax).as(what).isCloseTo(-magnitude / 2, within(1e-6 * magnitude));
                assertThat(minimaxGradient.getDouble(0, 0)).as(what).isCloseTo(0.0, within(LIMIT));
                assertThat(minimaxGradient.getDouble(1, 0)).as(what).isEqualTo(-0.5);

                INDArray nonSaturatingGradient = Nd4j.zeros(dataType, 2, 1);
                double nonSaturating = new NonSaturatingLoss().generatorLoss(logits, nonSaturatingGradient);
                // −log σ(−|f|) = |f| and −log σ(|f|) = 0
                assertThat(nonSaturating).as(what).isCloseTo(magnitude / 2, within(1e-6 * magnitude));
                assertThat(nonSaturatingGradient.getDouble(0, 0)).as(what).isEqualTo(-0.5);
                assertThat(nonSaturatingGradient.getDouble(1, 0)).as(what).isCloseTo(0.0, within(LIMIT));
            }
        }
    }

    @Test
    void bothVariantsShareTheFixedPointWhereDIsOneHalf()
    {
        INDArray undecided = Nd4j.zeros(DataType.DOUBLE, BATCH, 1);
        LossVariant minimax = new MinimaxLoss();
        LossVariant nonSaturating = new NonSaturatingLoss();
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, BATCH, 1);

        assertThat(minimax.generatorLoss(undecided, gradient)).isCloseTo(-Math.log(2), within(1e-15));
        assertThat(gradient.getDouble(0, 0)).isEqualTo(-0.5 / BATCH);
        assertThat(nonSaturating.generatorLoss(undecided, gradient)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(gradient.getDouble(0, 0)).isEqualTo(-0.5 / BATCH);
    }
}
