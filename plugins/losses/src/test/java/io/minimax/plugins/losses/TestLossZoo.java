package io.minimax.plugins.losses;

import io.minimax.spi.loss.LossVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static io.minimax.plugins.losses.TestStableLogistic.column;
import static io.minimax.plugins.losses.TestStableLogistic.randomLogits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The least-squares, Wasserstein, hinge and relativistic objectives against their textbook formulas in plain doubles. */
class TestLossZoo
{
    private static final int BATCH = 8;

    @Test
    void leastSquaresRegressesEachSetToItsTarget()
    {
        // the Pearson χ² targets of Mao et al.: a = −1, b = 1, c = 0
        LossVariant loss = new LeastSquaresLoss(-1, 1, 0);
        double[] real = randomLogits(BATCH, 2.0, 1);
        double[] fake = randomLogits(BATCH, 2.0, 2);
        Gradients gradients = discriminator(loss, real, fake);

        double expected = 0;
        for (int i = 0; i < BATCH; i++) {
            expected += 0.5 * square(real[i] - 1) / BATCH + 0.5 * square(fake[i] + 1) / BATCH;
            assertThat(gradients.real(i)).isCloseTo((real[i] - 1) / BATCH, within(1e-15));
            assertThat(gradients.fake(i)).isCloseTo((fake[i] + 1) / BATCH, within(1e-15));
        }
        assertThat(gradients.loss()).isCloseTo(expected, within(1e-12));

        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, BATCH, 1);
        double generatorLoss = loss.generatorLoss(column(fake, DataType.DOUBLE), gradient);
        double expectedGenerator = 0;
        for (int i = 0; i < BATCH; i++) {
            expectedGenerator += 0.5 * square(fake[i]) / BATCH;
            assertThat(gradient.getDouble(i, 0)).isCloseTo(fake[i] / BATCH, within(1e-15));
        }
        assertThat(generatorLoss).isCloseTo(expectedGenerator, within(1e-12));
    }

    @Test
    void leastSquaresIsZeroOnTarget()
    {
        Gradients gradients = discriminator(new LeastSquaresLoss(0, 1, 1), new double[] {1, 1}, new double[] {0, 0});
        assertThat(gradients.loss()).isZero();
        assertThat(gradients.real(0)).isZero();
        assertThat(gradients.fake(1)).isZero();
    }

    @Test
    void leastSquaresNeedsTwoTargets()
    {
        assertThatThrownBy(() -> new LeastSquaresLossSpec(1, 1, 1)).hasMessageContaining("b: must differ from a");
    }

    @Test
    void wassersteinCriticEstimatesTheDifferenceOfMeans()
    {
        LossVariant loss = new WassersteinLoss(0.01);
        double[] real = {3, 1, 2, 6};
        double[] fake = {-1, 0, 1, 4};
        Gradients gradients = discriminator(loss, real, fake);

        // mean fake − mean real = 1 − 3
        assertThat(gradients.loss()).isEqualTo(-2.0);
        for (int i = 0; i < 4; i++) {
            assertThat(gradients.real(i)).isEqualTo(-0.25);
            assertThat(gradients.fake(i)).isEqualTo(0.25);
        }
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, 4, 1);
        assertThat(loss.generatorLoss(column(fake, DataType.DOUBLE), gradient)).isEqualTo(-1.0);
        assertThat(gradient.getDouble(0, 0)).isEqualTo(-0.25);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void wassersteinClipsEveryCriticParameter(String type)
    {
        DataType dataType = DataType.valueOf(type);
        INDArray parameters = Nd4j.createFromArray(new double[][] {{-1.0, -0.01, 0.005, 0.0, 0.02, 3.0}}).castTo(dataType);

        new WassersteinLoss(0.01).constrainDiscriminator(parameters);

        assertThat(parameters.toDoubleVector()).containsExactly(new double[] {-0.01, -0.01, 0.005, 0.0, 0.01, 0.01}, within(1e-9));
    }

    @Test
    void wassersteinWithoutClippingLeavesTheCriticAlone()
    {
        INDArray parameters = Nd4j.createFromArray(new double[][] {{-1.0, 3.0}});
        new WassersteinLoss(0).constrainDiscriminator(parameters);
        assertThat(parameters.toDoubleVector()).containsExactly(-1.0, 3.0);
    }

    @Test
    void hingeStopsPushingBeyondTheMargin()
    {
        LossVariant loss = new HingeLoss();
        double[] real = {2.0, 0.5, -1.0, 1.5};
        double[] fake = {-3.0, -0.5, 0.0, 2.0};
        Gradients gradients = discriminator(loss, real, fake);

        // real: max(0, 1 − f) = 0, 0.5, 2, 0; fake: max(0, 1 + f) = 0, 0.5, 1, 3
        assertThat(gradients.loss()).isCloseTo(2.5 / 4 + 4.5 / 4, within(1e-15));
        assertThat(new double[] {gradients.real(0), gradients.real(1), gradients.real(2), gradients.real(3)})
                .containsExactly(new double[] {0, -0.25, -0.25, 0}, within(0.0));
        assertThat(new double[] {gradients.fake(0), gradients.fake(1), gradients.fake(2), gradients.fake(3)})
                .containsExactly(new double[] {0, 0.25, 0.25, 0.25}, within(0.0));

        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, 4, 1);
        assertThat(loss.generatorLoss(column(fake, DataType.DOUBLE), gradient)).isCloseTo(0.375, within(1e-15));
        assertThat(gradient.getDouble(3, 0)).isEqualTo(-0.25);
    }

    @Test
    void relativisticJudgesEachSetAgainstTheOthersMean()
    {
        LossVariant loss = new RelativisticAverageLoss();
        double[] real = randomLogits(BATCH, 3.0, 3);
        double[] fake = randomLogits(BATCH, 3.0, 4);
        Gradients gradients = discriminator(loss, real, fake);

        double realMean = mean(real);
        double fakeMean = mean(fake);
        double expected = 0;
        double fakeSlopes = 0;
        double realSlopes = 0;
        for (int i = 0; i < BATCH; i++) {
            // −log σ(r − f̄) − log(1 − σ(f − r̄)), as the paper writes it
            expected += (-Math.log(sigmoid(real[i] - fakeMean)) - Math.log(1 - sigmoid(fake[i] - realMean))) / BATCH;
            fakeSlopes += sigmoid(fake[i] - realMean);
            realSlopes += sigmoid(fakeMean - real[i]);
        }
        assertThat(gradients.loss()).isCloseTo(expected, within(1e-12));
        for (int i = 0; i < BATCH; i++) {
            double realGradient = -sigmoid(fakeMean - real[i]) / BATCH - fakeSlopes / (BATCH * BATCH);
            double fakeGradient = sigmoid(fake[i] - realMean) / BATCH + realSlopes / (BATCH * BATCH);
            assertThat(gradients.real(i)).isCloseTo(realGradient, within(1e-15));
            assertThat(gradients.fake(i)).isCloseTo(fakeGradient, within(1e-15));
        }
    }

    @Test
    void relativisticGeneratorLossIsTheDiscriminatorsWithTheSetsSwapped()
    {
        LossVariant loss = new RelativisticAverageLoss();
        double[] real = randomLogits(BATCH, 3.0, 5);
        double[] fake = randomLogits(BATCH, 3.0, 6);
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, BATCH, 1);

        double generatorLoss = loss.generatorLoss(column(real, DataType.DOUBLE), column(fake, DataType.DOUBLE), gradient);

        Gradients swapped = discriminator(loss, fake, real);
        assertThat(loss.generatorNeedsRealLogits()).isTrue();
        assertThat(generatorLoss).isCloseTo(swapped.loss(), within(1e-15));
        for (int i = 0; i < BATCH; i++) {
            assertThat(gradient.getDouble(i, 0)).isCloseTo(swapped.real(i), within(1e-17));
        }
        assertThatThrownBy(() -> loss.generatorLoss(column(fake, DataType.DOUBLE), gradient))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("needs D's logits on real samples");
    }

    @ParameterizedTest
    @ValueSource(strings = {"least-squares", "wasserstein", "hinge", "relativistic"})
    void extremeLogitsGiveFiniteLossesAndGradients(String name)
    {
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            LossVariant loss = RegisteredLosses.create(name);
            INDArray real = column(new double[] {1000, -1000}, dataType);
            INDArray fake = column(new double[] {-1000, 1000}, dataType);
            INDArray realGradient = Nd4j.zeros(dataType, 2, 1);
            INDArray fakeGradient = Nd4j.zeros(dataType, 2, 1);
            INDArray generatorGradient = Nd4j.zeros(dataType, 2, 1);

            double discriminatorLoss = loss.discriminatorLoss(real, fake, realGradient, fakeGradient);
            double generatorLoss = loss.generatorNeedsRealLogits()
                    ? loss.generatorLoss(real, fake, generatorGradient)
                    : loss.generatorLoss(fake, generatorGradient);

            assertThat(discriminatorLoss).as("%s D loss in %s", name, dataType).isFinite();
            assertThat(generatorLoss).as("%s G loss in %s", name, dataType).isFinite();
            for (INDArray gradient : new INDArray[] {realGradient, fakeGradient, generatorGradient}) {
                for (double value : gradient.toDoubleVector()) {
                    assertThat(value).as("%s gradient in %s", name, dataType).isFinite();
                }
            }
        }
    }

    private static Gradients discriminator(LossVariant loss, double[] real, double[] fake)
    {
        INDArray realGradient = Nd4j.zeros(DataType.DOUBLE, real.length, 1);
        INDArray fakeGradient = Nd4j.zeros(DataType.DOUBLE, fake.length, 1);
        double value = loss.discriminatorLoss(column(real, DataType.DOUBLE), column(fake, DataType.DOUBLE), realGradient, fakeGradient);
        return new Gradients(value, realGradient.toDoubleVector(), fakeGradient.toDoubleVector());
    }

    private static double mean(double[] values)
    {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double sigmoid(double x)
    {
        return 1 / (1 + Math.exp(-x));
    }

    private static double square(double x)
    {
        return x * x;
    }

    private record Gradients(double loss, double[] realGradients, double[] fakeGradients)
    {
        double real(int i)
        {
            return realGradients[i];
        }

        double fake(int i)
        {
            return fakeGradients[i];
        }
    }
}
