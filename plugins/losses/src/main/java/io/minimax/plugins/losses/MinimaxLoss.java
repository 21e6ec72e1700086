package io.minimax.plugins.losses;

import io.minimax.plugin.support.Logistic;
import io.minimax.spi.loss.LossVariant;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The objective exactly as the minimax game V(D, G) states it. The generator minimises
 * (1/m) Σ log(1 − D(G(z))) = −(1/m) Σ softplus(f), whose gradient −σ(f)/m vanishes when D confidently rejects the
 * samples (f → −∞): the saturation that Goodfellow et al. point out early in training.
 */
public final class MinimaxLoss
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
            sum += -Logistic.softplus(logit);
            gradient.set(i, (-Logistic.sigmoid(logit)) / count);
        }
        return sum / count;
    }
}
