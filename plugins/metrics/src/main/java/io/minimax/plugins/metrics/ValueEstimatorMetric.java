package io.minimax.plugins.metrics;

import io.minimax.plugin.support.Logistic;
import io.minimax.spi.metric.Measurement;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.metric.RunView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The minibatch estimate V̂_m = (1/m)Σ log D(x_i) + (1/m)Σ log(1 − D(G(z_i))) against the expectation V(D, G) it
 * stands for, at the networks of the final evaluation. For each m = 1, 2, 4, … it draws {@code repeats} independent
 * minibatches of m real and m generated samples and logs, at step = m, the mean and standard deviation of V̂_m; the
 * expectation comes from {@code referenceSamples} more of each, and with it the spread the central limit theorem
 * predicts, sqrt((Var log D(x) + Var log(1 − D(G(z)))) / m).
 *
 * <p>Only the final evaluation measures: its steps are minibatch sizes, not training steps, so one set per run.
 * The fresh samples come from the run's streams after its last training step, so they change no training draw.
 */
final class ValueEstimatorMetric
        implements Metric
{
    static final String MEAN = "estimator/mean";
    static final String STD = "estimator/std";
    static final String MEAN_STANDARD_ERROR = "estimator/mean_standard_error";
    static final String EXPECTATION = "estimator/expectation";
    static final String EXPECTATION_STANDARD_ERROR = "estimator/expectation_standard_error";
    static final String PREDICTED_STD = "estimator/predicted_std";

    /** Samples are drawn and scored this many rows at a time, so memory stays flat whatever the repeats. */
    static final int CHUNK_ROWS = 65536;

    private final int largestBatch;
    private final int repeats;
    private final int referenceSamples;

    ValueEstimatorMetric(int largestBatch, int repeats, int referenceSamples)
    {
        this.largestBatch = largestBatch;
        this.repeats = repeats;
        this.referenceSamples = referenceSamples;
    }

    /** Nothing at the evaluation's own step: everything is logged by {@link #measure} at step = m. */
    @Override
    public Map<String, Double> evaluate(RunView run)
    {
        return Map.of();
    }

    @Override
    public List<Measurement> measure(RunView run)
    {
        if (!run.isFinal()) {
            return List.of();
        }
        RunningMoments logReal = new RunningMoments();
        RunningMoments logFake = new RunningMoments();
        for (int done = 0; done < referenceSamples; done += CHUNK_ROWS) {
            int rows = Math.min(CHUNK_ROWS, referenceSamples - done);
            for (double value : logDiscriminatorOnReal(run, rows)) {
                logReal.add(value);
            }
            for (double value : logOneMinusDiscriminatorOnFake(run, rows)) {
                logFake.add(value);
            }
        }
        double expectation = logReal.mean() + logFake.mean();
        double expectationError = Math.sqrt(logReal.variance() / logReal.count() + logFake.variance() / logFake.count());
        double singleSampleVariance = logReal.variance() + logFake.variance();

        List<Measurement> measurements = new ArrayList<>();
        for (int m = 1; m <= largestBatch; m *= 2) {
            RunningMoments estimates = estimates(run, m);
            double std = Math.sqrt(estimates.variance());
            measurements.add(new Measurement(MEAN, estimates.mean(), m));
            measurements.add(new Measurement(STD, std, m));
            measurements.add(new Measurement(MEAN_STANDARD_ERROR, std / Math.sqrt(repeats), m));
            measurements.add(new Measurement(EXPECTATION, expectation, m));
            measurements.add(new Measurement(EXPECTATION_STANDARD_ERROR, expectationError, m));
            measurements.add(new Measurement(PREDICTED_STD, Math.sqrt(singleSampleVariance / m), m));
        }
        return measurements;
    }

    @Override
    public List<MetricChart> charts()
    {
        return List.of(
                new MetricChart("value-estimator.png", "Minibatch estimate of V(D,G): mean +/- standard deviation over " + repeats
                        + " minibatches per m",
                        "minibatch size m", true, false, List.of(
                        Series.withErrorBars(MEAN, STD),
                        Series.reference(EXPECTATION))),
                new MetricChart("value-estimator-spread.png",
                        "Standard deviation of the minibatch estimate: measured and sigma_1 / sqrt(m)",
                        "minibatch size m", true, true, List.of(
                        Series.line(STD),
                        Series.reference(PREDICTED_STD))));
    }

    /** V̂_m of {@code repeats} independent minibatches of size m. */
    private RunningMoments estimates(RunView run, int m)
    {
        RunningMoments estimates = new RunningMoments();
        int perChunk = Math.max(1, CHUNK_ROWS / m);
        for (int done = 0; done < repeats; done += perChunk) {
            int batches = Math.min(perChunk, repeats - done);
            double[] real = logDiscriminatorOnReal(run, batches * m);
            double[] fake = logOneMinusDiscriminatorOnFake(run, batches * m);
            for (int batch = 0; batch < batches; batch++) {
                double sum = 0;
                for (int i = batch * m; i < (batch + 1) * m; i++) {
                    sum += real[i] + fake[i];
                }
                estimates.add(sum / m);
            }
        }
        return estimates;
    }

    /** log D(x) = −softplus(−f(x)) for {@code count} fresh x ~ p_data. */
    private static double[] logDiscriminatorOnReal(RunView run, int count)
    {
        double[] logits = SampleRows.values(run.discriminatorLogits(run.freshRealSamples(count)));
        for (int i = 0; i < logits.length; i++) {
            logits[i] = -Logistic.softplus(-logits[i]);
        }
        return logits;
    }

    /** log(1 − D(G(z))) = −softplus(f(G(z))) for {@code count} fresh z ~ p_z. */
    private static double[] logOneMinusDiscriminatorOnFake(RunView run, int count)
    {
        double[] logits = SampleRows.values(run.discriminatorLogits(run.freshGeneratedSamples(count)));
        for (int i = 0; i < logits.length; i++) {
            logits[i] = -Logistic.softplus(logits[i]);
        }
        return logits;
    }
}
