package io.minimax.plugins.metrics;

import io.minimax.plugin.support.PluginFactories;
import io.minimax.spi.Plugin;
import io.minimax.spi.metric.MetricFactory;

import java.util.List;

/**
 * Instruments that put the theory of the GAN objective into numbers: the optimal discriminator and the
 * Jensen–Shannon divergence, PacGAN's mode coverage, the maximum mean discrepancy, and the minibatch estimate of
 * V(D, G) against its expectation. Plain Java doubles except for two matrix products (2500 × 2500 kernels).
 */
public final class MetricsPlugin
        implements Plugin
{
    public static final MetricFactory<OptimalDiscriminatorSpec> OPTIMAL_DISCRIMINATOR = PluginFactories.metric(
            "optimal-discriminator", OptimalDiscriminatorSpec.class,
            "JSD(p_data || p_g), V(D*,G) and mean |D - D*| with p_g by kernel density (data with a known density, dimension <= 2)",
            (spec, context) -> new OptimalDiscriminatorMetric(spec.rule(), spec.bandwidth()));

    public static final MetricFactory<ModeCoverageSpec> MODE_COVERAGE = PluginFactories.metric(
            "mode-coverage", ModeCoverageSpec.class,
            "PacGAN's protocol: modes covered, high-quality fraction, reverse KL over modes (data with known modes)",
            (spec, context) -> new ModeCoverageMetric(spec.threshold()));

    public static final MetricFactory<MmdSpec> MMD = PluginFactories.metric(
            "mmd", MmdSpec.class,
            "unbiased MMD^2 between generated and real samples, RBF kernel with the median-heuristic bandwidth (any vector data)",
            (spec, context) -> new MmdMetric());

    public static final MetricFactory<ValueEstimatorSpec> VALUE_ESTIMATOR = PluginFactories.metric(
            "value-estimator", ValueEstimatorSpec.class,
            "at the final networks: mean and spread of the minibatch estimate V-hat for m = 1, 2, 4, ... (logged at step = m) "
                    + "against its expectation",
            (spec, context) -> new ValueEstimatorMetric(spec.largestBatch(), spec.repeats(), spec.referenceSamples()));

    @Override
    public List<MetricFactory<?>> metrics()
    {
        return List.of(
                OPTIMAL_DISCRIMINATOR,
                MODE_COVERAGE,
                MMD,
                VALUE_ESTIMATOR);
    }
}
