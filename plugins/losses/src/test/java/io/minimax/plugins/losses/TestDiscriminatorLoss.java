package io.minimax.plugins.losses;

import io.minimax.spi.loss.LossVariant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static io.minimax.plugins.losses.TestStableLogistic.column;
import static io.minimax.plugins.losses.TestStableLogistic.randomLogits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every registered variant of the original objective trains D by binary cross-entropy. */
class TestDiscriminatorLoss
{
    private static final int BATCH = 16;
    // σ(−100) = 3.7e−44 is the exact value, not an error: the limit 0 is reached to far below rounding of 1
    private static final double LIMIT = 1e-40;

    static java.util.stream.Stream<String> losses()
    {
        return RegisteredLosses.probabilityDiscriminators();
    }

    @ParameterizedTest
    @MethodSource("losses")
    void isBinaryCrossEntropyOfTheConcatenatedBatch(String name)
    {
        double[] real = randomLogits(BATCH, 2.0, 1);
        double[] fake = randomLogits(BATCH, 2.0, 2);

        // labels 1 then 0 over the 2m logits, the textbook formula in plain doubles
        double crossEntropy = 0;
        for (double f : real) {
            crossEntropy -= Math.log(1 / (1 + Math.exp(-f)));
        }
        for (double f : fake) {
            crossEntropy -= Math.log(1 - 1 / (1 + Math.exp(-f)));
        }
        crossEntropy /= 2 * BATCH;

        Gradients gradients = new Gradients(BATCH, DataType.DOUBLE);
        double loss = RegisteredLosses.create(name).discriminatorLoss(
                column(real, DataType.DOUBLE), column(fake, DataType.DOUBLE), gradients.real(), gradients.fake());

        assertThat(loss).isCloseTo(crossEntropy, within(1e-12));
        for (int i = 0; i < BATCH; i++) {
            double realProbability = 1 / (1 + Math.exp(-real[i]));
            double fakeProbability = 1 / (1 + Math.exp(-fake[i]));
            assertThat(gradients.real().getDouble(i, 0)).isCloseTo((realProbability - 1) / (2 * BATCH), within(1e-15));
            assertThat(gradients.fake().getDouble(i, 0)).isCloseTo(fakeProbability / (2 * BATCH), within(1e-15));
        }
        gradients.assertOnlyTheirColumnsWritten();
    }

    @ParameterizedTest
    @MethodSource("losses")
    void aDiscriminatorThatCannotTellIsWorthLogTwoAndTheValueIsMinusLogFour(String name)
    {
        INDArray real = Nd4j.zeros(DataType.DOUBLE, BATCH, 1);
        INDArray fake = Nd4j.zeros(DataType.DOUBLE, BATCH, 1);
        Gradients gradients = new Gradients(BATCH, DataType.DOUBLE);

        double loss = RegisteredLosses.create(name).discriminatorLoss(real, fake, gradients.real(), gradients.fake());

        assertThat(loss).isCloseTo(Math.log(2), within(1e-15));
        StableLogistic logistic = new StableLogistic();
        double value = logistic.sumLogSigmoid(real) / BATCH + logistic.sumLogOneMinusSigmoid(fake) / BATCH;
        assertThat(value).isCloseTo(-Math.log(4), within(1e-15));
        // with equal halves the D loss is −V̂/2: the value can be read off the loss the engine already has
        assertThat(-2 * loss).isCloseTo(value, within(1e-15));
        for (int i = 0; i < BATCH; i++) {
            assertThat(gradients.real().getDouble(i, 0)).isEqualTo(-0.25 / BATCH);
            assertThat(gradients.fake().getDouble(i, 0)).isEqualTo(0.25 / BATCH);
        }
    }

    @ParameterizedTest
    @MethodSource("losses")
    void extremeLogitsGiveFiniteLossesAndLimitingGradients(String name)
    {
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (double magnitude : new double[] {100, 1000}) {
                LossVariant loss = RegisteredLosses.create(name);
                Gradients gradients = new Gradients(2, dataType);
                // one confident correct and one confident wrong verdict on each side
                INDArray real = column(new double[] {magnitude, -magnitude}, dataType);
                INDArray fake = column(new double[] {-magnitude, magnitude}, dataType);

                double value = loss.discriminatorLoss(real, fake, gradients.real(), gradients.fake());

                // the two wrong verdicts cost |f| each: softplus(|f|) = |f| + log1p(e^−|f|)
                assertThat(value).as("%s at ±%s in %s", name, magnitude, dataType)
                        .isCloseTo(2 * magnitude / 4, within(1e-6 * magnitude));
                assertThat(gradients.real().getDouble(0, 0)).isCloseTo(0.0, within(LIMIT));
                assertThat(gradients.real().getDouble(1, 0)).isEqualTo(-0.25);
                assertThat(gradients.fake().getDouble(0, 0)).isCloseTo(0.0, within(LIMIT));
                assertThat(gradients.fake().getDouble(1, 0)).isEqualTo(0.25);
            }
        }
    }

    /** Gradient targets that are column views of a wider matrix, as an engine's preallocated buffers may be. */
    record Gradients(INDArray backing, INDArray real, INDArray fake)
    {
        Gradients(int batch, DataType dataType)
        {
            this(Nd4j.valueArrayOf(new long[] {batch, 3}, 7.0, dataType));
        }

        private Gradients(INDArray backing)
        {
            this(backing, backing.getColumn(0, true), backing.getColumn(2, true));
        }

        void assertOnlyTheirColumnsWritten()
        {
            for (int i = 0; i < backing.rows(); i++) {
                assertThat(backing.getDouble(i, 1)).isEqualTo(7.0);
            }
        }
    }
}
