package io.minimax.core.engine;

import io.minimax.plugin.support.Logistic;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The minibatch estimate of V(D,G) and D's mean outputs, from D's logits f on m real and m generated samples:
 * V̂ = (1/m)Σ log σ(f_real) + (1/m)Σ log(1 − σ(f_fake)) = −(1/m)Σ softplus(−f_real) − (1/m)Σ softplus(f_fake).
 * Computed on the host in doubles: it runs only on logging steps, and the stable softplus is exact there.
 */
record ValueFunctionEstimate(double value, double meanRealOutput, double meanFakeOutput)
{
    static ValueFunctionEstimate fromLogits(INDArray realLogits, INDArray fakeLogits)
    {
        double[] real = realLogits.toDoubleVector();
        double[] fake = fakeLogits.toDoubleVector();
        double logRealSum = 0;
        double realOutputSum = 0;
        for (double f : real) {
            logRealSum -= Logistic.softplus(-f);
            realOutputSum += Logistic.sigmoid(f);
        }
        double logFakeSum = 0;
        double fakeOutputSum = 0;
        for (double f : fake) {
            logFakeSum -= Logistic.softplus(f);
            fakeOutputSum += Logistic.sigmoid(f);
        }
        return new ValueFunctionEstimate(
                logRealSum / real.length + logFakeSum / fake.length,
                realOutputSum / real.length,
                fakeOutputSum / fake.length);
    }
}
