package io.minimax.plugins.losses;

import io.minimax.spi.loss.LossVariant;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The relativistic average standard GAN, RaSGAN (Jolicoeur-Martineau, 2019): D judges each real sample against the
 * mean logit of the generated ones and vice versa, with r̄ and f̄ the mean logits on real and generated samples,
 * <pre>
 *   L_D = mean_i softplus(f̄ − r_i) + mean_j softplus(f_j − r̄)
 *   L_G = mean_j softplus(r̄ − f_j) + mean_i softplus(r_i − f̄)
 * </pre>
 * i.e. −log σ(r − f̄) − log(1 − σ(f − r̄)) for D and the same with the roles of the two sets swapped for G. G's loss
 * needs D's real logits, and both means couple every sample: dL_D/dr_k = −σ(f̄ − r_k)/m_r − Σ_j σ(f_j − r̄)/(m_r·m_f),
 * and symmetrically. Softplus and σ are taken in stable form, so every finite logit gives finite values.
 */
final class RelativisticAverageLoss
        implements LossVariant
{
    private final StableLogistic logistic = new StableLogistic();
    // G's loss needs the real logits shifted by f̄, and they are read only: a scratch array per shape
    private INDArray realScratch;

    @Override
    public double discriminatorLoss(INDArray realLogits, INDArray fakeLogits, INDArray realGradient, INDArray fakeGradient)
    {
        return relativisticLoss(realLogits, fakeLogits, realGradient, fakeGradient);
    }

    @Override
    public double generatorLoss(INDArray fakeLogits, INDArray fakeGradient)
    {
        throw new UnsupportedOperationException("the relativistic generator loss needs D's logits on real samples");
    }

    @Override
    public boolean generatorNeedsRealLogits()
    {
        return true;
    }

    @Override
    public double generatorLoss(INDArray realLogits, INDArray fakeLogits, INDArray fakeGradient)
    {
        // L_G is L_D with the two sets swapped; the real logits' gradient is not wanted (they do not depend on G)
        if (realScratch == null || !Arrays.equals(realScratch.shape(), realLogits.shape())
                || realScratch.dataType() != realLogits.dataType()) {
            realScratch = Nd4j.create(realLogits.dataType(), realLogits.shape());
        }
        return relativisticLoss(fakeLogits, realLogits, fakeGradient, realScratch);
    }

    @Override
    public boolean discriminatorOutputsProbability()
    {
        return false;
    }

    /**
     * mean_i softplus(b̄ − a_i) + mean_j softplus(b_j − ā), the loss of the player that wants the a's above the b's;
     * writes its gradients with respect to a and b.
     */
    private double relativisticLoss(INDArray above, INDArray below, INDArray aboveGradient, INDArray belowGradient)
    {
        double aboveCount = above.length();
        double belowCount = below.length();
        double aboveMean = above.meanNumber().doubleValue();
        double belowMean = below.meanNumber().doubleValue();

        // softplus(x) = −log(1 − σ(x)) on x = b̄ − a and x = b − ā; σ of the same arrays is each term's slope
        aboveGradient.assign(above).rsubi(belowMean);
        belowGradient.assign(below).subi(aboveMean);
        double loss = -logistic.sumLogOneMinusSigmoid(aboveGradient) / aboveCount
                - logistic.sumLogOneMinusSigmoid(belowGradient) / belowCount;
        logistic.sigmoid(aboveGradient, aboveGradient);
        logistic.sigmoid(belowGradient, belowGradient);
        double aboveSlopes = aboveGradient.sumNumber().doubleValue();
        double belowSlopes = belowGradient.sumNumber().doubleValue();

        // each term also moves through the other set's mean, which every sample of that set shares
        aboveGradient.divi(-aboveCount).subi(belowSlopes / (aboveCount * belowCount));
        belowGradient.divi(belowCount).addi(aboveSlopes / (aboveCount * belowCount));
        return loss;
    }
}
