package io.minimax.plugins.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * The discriminator's side of the original GAN objective: binary cross-entropy of one batch made of the real samples
 * (label 1) followed by the generated ones (label 0),
 * <pre>
 *   L_D = (1/n) [ Σ_real softplus(−f) + Σ_fake softplus(f) ],   n = m_real + m_fake,
 * </pre>
 * i.e. −(1/2m)[Σ log D(x) + Σ log(1 − D(G(z)))] for equal halves. Gradients: (σ(f) − 1)/n on real logits,
 * σ(f)/n on fake ones. Shared by every variant that only changes the generator's loss.
 */
final class BinaryCrossEntropy
{
    private final StableLogistic logistic;

    BinaryCrossEntropy(StableLogistic logistic)
    {
        this.logistic = requireNonNull(logistic, "logistic is null");
    }

    double discriminatorLoss(INDArray realLogits, INDArray fakeLogits, INDArray realGradient, INDArray fakeGradient)
    {
        double count = realLogits.length() + fakeLogits.length();
        double loss = -(logistic.sumLogSigmoid(realLogits) + logistic.sumLogOneMinusSigmoid(fakeLogits)) / count;

        logistic.sigmoid(realLogits, realGradient);
        realGradient.subi(1).divi(count);
        logistic.sigmoid(fakeLogits, fakeGradient);
        fakeGradient.divi(count);
        return loss;
    }
}
