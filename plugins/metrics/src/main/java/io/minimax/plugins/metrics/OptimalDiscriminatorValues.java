package io.minimax.plugins.metrics;

import io.minimax.plugin.support.Logistic;
import static java.util.Objects.requireNonNull;

/**
 * The arithmetic of the optimal-discriminator instrument, apart from where densities and samples come from. With
 * p = p_data, q = the model of p_g, D* = p/(p + q) = σ(log p − log q):
 *
 * @param jsd JSD(p ‖ q) in nats, integrated by quadrature (not from these samples)
 * @param valueAtOptimum V(D*, G) = mean log D*(x) over real x + mean log(1 − D*(y)) over generated y (Monte Carlo)
 * @param identityGap |V(D*, G) − (−log 4 + 2·JSD)|: zero in exact arithmetic (Goodfellow et al., Theorem 1), so what
 *         is left is Monte-Carlo error, quadrature error and the difference between p_g and its density model
 * @param discriminatorGap mean |D(x) − D*(x)| over the real and the generated samples together
 * @param valueAtDiscriminator V(D, G) for the trained D on the same samples: at most V(D*, G) up to sampling error
 */
record OptimalDiscriminatorValues(double jsd, double valueAtOptimum, double identityGap, double discriminatorGap,
        double valueAtDiscriminator)
{
    private static final double LOG_4 = Math.log(4);

    /**
     * log p, log q and D's logit at each sample of one side (the real or the generated samples).
     */
    record Side(double[] logData, double[] logModel, double[] logits)
    {
        Side
        {
            requireNonNull(logData, "logData is null");
            requireNonNull(logModel, "logModel is null");
            requireNonNull(logits, "logits is null");
            if (logData.length != logModel.length || logData.length != logits.length || logData.length == 0) {
                throw new IllegalArgumentException("a side needs as many log p, log q and logits, at least one (got "
                        + logData.length + ", " + logModel.length + ", " + logits.length + ")");
            }
        }
    }

    static OptimalDiscriminatorValues compute(double jsd, Side real, Side generated)
    {
        double logOptimalReal = 0;
        double logTrainedReal = 0;
        double gap = 0;
        for (int i = 0; i < real.logData().length; i++) {
            double logRatio = real.logData()[i] - real.logModel()[i];
            logOptimalReal -= Logistic.softplus(-logRatio);
            logTrainedReal -= Logistic.softplus(-real.logits()[i]);
            gap += Math.abs(Logistic.sigmoid(real.logits()[i]) - Logistic.sigmoid(logRatio));
        }
        double logOptimalFake = 0;
        double logTrainedFake = 0;
        for (int i = 0; i < generated.logData().length; i++) {
            double logRatio = generated.logData()[i] - generated.logModel()[i];
            logOptimalFake -= Logistic.softplus(logRatio);
            logTrainedFake -= Logistic.softplus(generated.logits()[i]);
            gap += Math.abs(Logistic.sigmoid(generated.logits()[i]) - Logistic.sigmoid(logRatio));
        }
        int realCount = real.logData().length;
        int generatedCount = generated.logData().length;
        double valueAtOptimum = logOptimalReal / realCount + logOptimalFake / generatedCount;
        return new OptimalDiscriminatorValues(
                jsd,
                valueAtOptimum,
                Math.abs(valueAtOptimum - (-LOG_4 + 2 * jsd)),
                gap / (realCount + generatedCount),
                logTrainedReal / realCount + logTrainedFake / generatedCount);
    }
}
