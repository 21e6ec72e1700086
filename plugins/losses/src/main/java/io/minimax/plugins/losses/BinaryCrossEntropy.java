package io.minimax.plugins.losses;

import io.minimax.plugin.support.Logistic;
import org.nd4j.linalg.api.ndarray.INDArray;

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
    /**
     * (1/n)[Σ softplus(−f_real) + Σ softplus(f_fake)] with n = m_real + m_fake, and its gradients (σ(f) − 1)/n for
     * real and σ(f)/n for generated logits, in one pass over each half.
     */
    double discriminatorLoss(INDArray realLogits, INDArray fakeLogits, INDArray realGradient, INDArray fakeGradient)
    {
        LogitVector real = LogitVector.of(realLogits);
        LogitVector fake = LogitVector.of(fakeLogits);
        LogitVector realOut = LogitVector.of(realGradient);
        LogitVector fakeOut = LogitVector.of(fakeGradient);
        real.checkSameLength(realOut, "the real gradient");
        fake.checkSameLength(fakeOut, "the fake gradient");
        double count = real.length() + fake.length();
        double sum = 0;
        for (int i = 0; i < real.length(); i++) {
            double logit = real.get(i);
            sum += Logistic.softplus(-logit);
            realOut.set(i, (Logistic.sigmoid(logit) - 1) / count);
        }
        for (int i = 0; i < fake.length(); i++) {
            double logit = fake.get(i);
            sum += Logistic.softplus(logit);
            fakeOut.set(i, Logistic.sigmoid(logit) / count);
        }
        return sum / count;
    }
}
