package io.minimax.testkit;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.RandomSource;
import io.minimax.spi.loss.LossVariant;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks any {@link LossVariant}'s logit gradients, for both players, against finite differences of the losses it
 * returns, so every registered loss is checked through the SPI alone. A generator loss that needs D's real logits
 * (relativistic) is checked in its three-argument form, with the real logits fixed.
 */
public final class LossGradientCheck
{
    private LossGradientCheck() {}

    public static void check(String what, LossVariant loss, int batchSize, double logitScale, long seed)
    {
        RandomSource random = new SeededRandomSource(seed);
        INDArray real = Nd4j.create(DataType.DOUBLE, batchSize, 1);
        INDArray fake = Nd4j.create(DataType.DOUBLE, batchSize, 1);
        random.gaussian(real, 0, logitScale);
        random.gaussian(fake, 0, logitScale);

        INDArray realGradient = Nd4j.create(DataType.DOUBLE, batchSize, 1);
        INDArray fakeGradient = Nd4j.create(DataType.DOUBLE, batchSize, 1);
        loss.discriminatorLoss(real, fake, realGradient, fakeGradient);
        INDArray scratchReal = Nd4j.create(DataType.DOUBLE, batchSize, 1);
        INDArray scratchFake = Nd4j.create(DataType.DOUBLE, batchSize, 1);
        FiniteDifferences.assertMatches(what + ": dLoss_D/dreal",
                realGradient, FiniteDifferences.gradient(real, r -> loss.discriminatorLoss(r, fake, scratchReal, scratchFake)));
        FiniteDifferences.assertMatches(what + ": dLoss_D/dfake",
                fakeGradient, FiniteDifferences.gradient(fake, f -> loss.discriminatorLoss(real, f, scratchReal, scratchFake)));

        INDArray generatorGradient = Nd4j.create(DataType.DOUBLE, batchSize, 1);
        if (loss.generatorNeedsRealLogits()) {
            loss.generatorLoss(real, fake, generatorGradient);
            FiniteDifferences.assertMatches(what + ": dLoss_G/dfake",
                    generatorGradient, FiniteDifferences.gradient(fake, f -> loss.generatorLoss(real, f, scratchFake)));
        }
        else {
            loss.generatorLoss(fake, generatorGradient);
            FiniteDifferences.assertMatches(what + ": dLoss_G/dfake",
                    generatorGradient, FiniteDifferences.gradient(fake, f -> loss.generatorLoss(f, scratchFake)));
        }
    }
}
