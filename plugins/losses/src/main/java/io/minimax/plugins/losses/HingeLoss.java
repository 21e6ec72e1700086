package io.minimax.plugins.losses;

import io.minimax.spi.loss.LossVariant;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hinge loss of geometric GAN and SAGAN (Lim and Ye, 2017; Zhang et al., 2019) on D's raw output f:
 * <pre>
 *   L_D = mean_real max(0, 1 − f) + mean_fake max(0, 1 + f)       L_G = −mean_fake f
 * </pre>
 * D stops pushing once a sample is beyond the margin (f ≥ 1 real, f ≤ −1 generated); at the kink the derivative is
 * taken as 0, as for ReLU. Piecewise linear: finite for every finite f.
 */
final class HingeLoss
        implements LossVariant
{
    @Override
    public double discriminatorLoss(INDArray realLogits, INDArray fakeLogits, INDArray realGradient, INDArray fakeGradient)
    {
        // real: max(0, 1 − f), slope −1 inside the margin; generated: max(0, 1 + f), slope +1
        realGradient.assign(realLogits).rsubi(1.0);
        fakeGradient.assign(fakeLogits).addi(1.0);
        return meanHinge(realGradient, -1) + meanHinge(fakeGradient, 1);
    }

    @Override
    public double generatorLoss(INDArray fakeLogits, INDArray fakeGradient)
    {
        fakeGradient.assign(-1.0 / fakeLogits.length());
        return -fakeLogits.meanNumber().doubleValue();
    }

    @Override
    public boolean discriminatorOutputsProbability()
    {
        return false;
    }

    /**
     * Given the margin terms t in {@code work}, returns mean max(0, t) and leaves {@code slope}/m where t &gt; 0,
     * else 0, in {@code work}: the gradient.
     */
    private static double meanHinge(INDArray work, double slope)
    {
        double count = work.length();
        Nd4j.exec(new RectifiedLinear(work, work, 0.0));
        double loss = work.sumNumber().doubleValue() / count;
        Nd4j.exec(new Step(work, work, 0.0));
        work.muli(slope / count);
        return loss;
    }
}
