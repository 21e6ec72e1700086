package io.minimax.plugins.losses;

import io.minimax.spi.loss.LossVariant;
import io.minimax.testkit.FiniteDifferences;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.stream.Stream;

import static io.minimax.plugins.losses.TestStableLogistic.column;
import static io.minimax.plugins.losses.TestStableLogistic.randomLogits;
import static org.assertj.core.api.Assertions.assertThat;

/** Central finite differences against every registered variant's analytic gradients, in DOUBLE. */
class TestLossGradients
{
    private static final int REAL_BATCH = 12;
    private static final int FAKE_BATCH = 12;

    static Stream<String> losses()
    {
        return RegisteredLosses.names();
    }

    @ParameterizedTest
    @MethodSource("losses")
    void discriminatorGradientsMatchFiniteDifferences(String name)
    {
        LossVariant loss = RegisteredLosses.create(name);
        INDArray real = column(randomLogits(REAL_BATCH, 4.0, 21), DataType.DOUBLE);
        INDArray fake = column(randomLogits(FAKE_BATCH, 4.0, 22), DataType.DOUBLE);
        INDArray realGradient = Nd4j.zeros(DataType.DOUBLE, REAL_BATCH, 1);
        INDArray fakeGradient = Nd4j.zeros(DataType.DOUBLE, FAKE_BATCH, 1);
        loss.discriminatorLoss(real, fake, realGradient, fakeGradient);

        INDArray scratchReal = Nd4j.zeros(DataType.DOUBLE, REAL_BATCH, 1);
        INDArray scratchFake = Nd4j.zeros(DataType.DOUBLE, FAKE_BATCH, 1);
        FiniteDifferences.assertMatches(name + " D loss w.r.t. real logits", realGradient,
                FiniteDifferences.gradient(real, logits -> loss.discriminatorLoss(logits, fake, scratchReal, scratchFake)));
        FiniteDifferences.assertMatches(name + " D loss w.r.t. fake logits", fakeGradient,
                FiniteDifferences.gradient(fake, logits -> loss.discriminatorLoss(real, logits, scratchReal, scratchFake)));
    }

    @ParameterizedTest
    @MethodSource("losses")
    void generatorGradientMatchesFiniteDifferences(String name)
    {
        LossVariant loss = RegisteredLosses.create(name);
        INDArray real = column(randomLogits(REAL_BATCH, 4.0, 24), DataType.DOUBLE);
        INDArray fake = column(randomLogits(FAKE_BATCH, 4.0, 23), DataType.DOUBLE);
        INDArray fakeGradient = Nd4j.zeros(DataType.DOUBLE, FAKE_BATCH, 1);
        INDArray scratch = Nd4j.zeros(DataType.DOUBLE, FAKE_BATCH, 1);
        if (loss.generatorNeedsRealLogits()) {
            loss.generatorLoss(real, fake, fakeGradient);
            FiniteDifferences.assertMatches(name + " G loss w.r.t. fake logits", fakeGradient,
                    FiniteDifferences.gradient(fake, logits -> loss.generatorLoss(real, logits, scratch)));
        }
        else {
            loss.generatorLoss(fake, fakeGradient);
            FiniteDifferences.assertMatches(name + " G loss w.r.t. fake logits", fakeGradient,
                    FiniteDifferences.gradient(fake, logits -> loss.generatorLoss(logits, scratch)));
            // the three-argument form ignores real logits unless the loss asks for them
            assertThat(loss.generatorLoss(real, fake, scratch)).isEqualTo(loss.generatorLoss(fake, scratch));
        }
    }
}
