package io.minimax.plugins.losses;

import io.minimax.spi.RandomSource;
import io.minimax.spi.loss.GradientPenalty;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * WGAN-GP (Gulrajani et al., 2017): λ·E(‖∇ₓ f(x̂)‖ − 1)² at x̂ = t·x + (1 − t)·G(z), t ~ U[0, 1) per sample: a
 * soft version of the critic's 1-Lipschitz constraint, along the lines between real and generated samples. The
 * gradient in g_i is (2λ/m)(‖g_i‖ − 1)·g_i/‖g_i‖; at g_i = 0, where the norm has no derivative, 0 is taken.
 */
final class WassersteinGradientPenalty
        implements GradientPenalty
{
    private final double lambda;
    private final RandomSource random;
    private INDArray mixing;

    WassersteinGradientPenalty(double lambda, RandomSource random)
    {
        this.lambda = lambda;
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public void points(INDArray real, INDArray generated, INDArray points)
    {
        long count = real.size(0);
        if (mixing == null || mixing.size(0) != count || mixing.dataType() != real.dataType()) {
            mixing = Nd4j.create(real.dataType(), count, 1);
        }
        random.uniform(mixing, 0, 1);
        // x̂ = G(z) + t·(x − G(z)), row by row on the samples flattened to [m, d]
        INDArray difference = rows(real).sub(rows(generated)).muliColumnVector(mixing);
        points.assign(difference.addi(rows(generated)).reshape(points.shape()));
    }

    @Override
    public double value(INDArray inputGradients, INDArray valueGradient)
    {
        INDArray gradients = rows(inputGradients);
        long count = gradients.size(0);
        double[] norms = gradients.norm2(1).toDoubleVector();
        double[] scales = new double[norms.length];
        double sum = 0;
        for (int i = 0; i < norms.length; i++) {
            double excess = norms[i] - 1;
            sum += excess * excess;
            scales[i] = norms[i] == 0 ? 0 : 2 * lambda / count * excess / norms[i];
        }
        INDArray scale = Nd4j.createFromArray(scales).reshape(count, 1).castTo(gradients.dataType());
        valueGradient.assign(gradients.mulColumnVector(scale).reshape(valueGradient.shape()));
        return lambda * sum / count;
    }

    private static INDArray rows(INDArray samples)
    {
        return samples.reshape('c', samples.size(0), samples.length() / samples.size(0));
    }
}
