package ${package};

import io.minimax.spi.loss.LossVariant;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * Least-squares GAN on D's raw output: D regresses real samples to {@code real} and generated ones to {@code fake},
 * (1/2m)Σ (f_real − real)² + (1/2m)Σ (f_fake − fake)²; G pulls its samples' scores to {@code real}.
 */
final class LeastSquaresLoss
        implements LossVariant
{
    private final LeastSquaresSpec spec;

    LeastSquaresLoss(LeastSquaresSpec spec)
    {
        this.spec = requireNonNull(spec, "spec is null");
    }

    @Override
    public double discriminatorLoss(INDArray real, INDArray fake, INDArray realGradient, INDArray fakeGradient)
    {
        long m = real.size(0);
        realGradient.assign(real).subi(spec.real()).divi(m);
        fakeGradient.assign(fake).subi(spec.fake()).divi(m);
        return (realGradient.mul(realGradient).sumNumber().doubleValue()
                + fakeGradient.mul(fakeGradient).sumNumber().doubleValue()) * m / 2;
    }

    @Override
    public double generatorLoss(INDArray fake, INDArray fakeGradient)
    {
        long m = fake.size(0);
        fakeGradient.assign(fake).subi(spec.real()).divi(m);
        return fakeGradient.mul(fakeGradient).sumNumber().doubleValue() * m / 2;
    }

    @Override
    public boolean discriminatorOutputsProbability()
    {
        return false;
    }
}
