package io.minimax.plugins.losses;

import io.minimax.spi.loss.GradientPenalty;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * R1 and R2 (Mescheder et al., 2018): (γ/2)·E‖∇ₓ f(x)‖², zero-centred, on the real samples (R1) or the generated
 * ones (R2), with f D's logit. At the equilibrium of a GAN with p_g = p_data the ideal D is constant, so the penalty
 * is zero there and only damps D's oscillation around it; in Dirac-GAN it turns the circling of gradient descent into
 * convergence. Value (γ/2m)·Σ‖g_i‖² and gradient (γ/m)·g_i.
 */
final class ZeroCentredGradientPenalty
        implements GradientPenalty
{
    private final double gamma;
    private final boolean onRealSamples;

    ZeroCentredGradientPenalty(double gamma, boolean onRealSamples)
    {
        this.gamma = gamma;
        this.onRealSamples = onRealSamples;
    }

    @Override
    public void points(INDArray real, INDArray generated, INDArray points)
    {
        points.assign(onRealSamples ? real : generated);
    }

    @Override
    public double value(INDArray inputGradients, INDArray valueGradient)
    {
        double count = inputGradients.size(0);
        double norm = inputGradients.norm2Number().doubleValue();
        valueGradient.assign(inputGradients).muli(gamma / count);
        return gamma / (2 * count) * norm * norm;
    }
}
