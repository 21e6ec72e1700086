package io.minimax.plugins.losses;

import io.minimax.plugin.support.Logistic;
import io.minimax.spi.loss.LossVariant;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The heuristic Goodfellow et al. train with: the generator maximises log D(G(z)) instead of minimising
 * log(1 − D(G(z))). Same fixed point, but the loss −(1/m) Σ log σ(f) = (1/m) Σ softplus(−f) has gradient
 * −(1 − σ(f))/m, which stays near −1/m exactly when D rejects the samples and the minimax gradient vanishes.
 */
public final class NonSaturatingLoss
        implements LossVariant
{
    private final BinaryCrossEntropy discriminator = new BinaryCrossEntropy();

    @Override
    public double discriminatorLoss(INDArray realLogits, INDArray fakeLogits, INDArray realGradient, INDArray fakeGradient)
    {
        return discriminator.discriminatorLoss(realLogits, fakeLogits, realGradient, fakeGradient);
    }

    @Override
    public double generatorLoss(INDArray fakeLogits, INDArray fakeGradient)
    {
        LogitVector fake = LogitVector.of(fakeLogits);
        LogitVector gradient = LogitVector.of(fakeGradient);
        fake.checkSameLength(gradient, "the gradient");
        double count = fake.length();
        double sum = 0;
        for (int i = 0; i < fake.length(); i++) {
            double logit = fake.get(i);
            sum += Logistic.softplus(-logit);
            gradient.set(i, (Logistic.sigmoid(logit) - 1) / count);
        }
        return sum / count;
    }
}
