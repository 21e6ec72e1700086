package io.minimax.plugins.metrics;

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
    @Override
    public List<MetricFactory<?>> metrics()
    {
        return List.of(
                new OptimalDiscriminatorFactory(),
                new ModeCoverageFactory(),
                new MmdFactory(),
                new ValueEstimatorFactory());
    }
}
