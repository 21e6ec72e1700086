package io.minimax.plugins.dirac;

import io.minimax.spi.PluginContext;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricFactory;

import static java.util.Objects.requireNonNull;

public final class DiracTrajectoryFactory
        implements MetricFactory<DiracTrajectorySpec>
{
    @Override
    public String name()
    {
        return "dirac-trajectory";
    }

    @Override
    public Class<DiracTrajectorySpec> specClass()
    {
        return DiracTrajectorySpec.class;
    }

    @Override
    public String description()
    {
        return "draws Dirac-GAN's players in parameter space after the last step: trajectory.png (psi against theta) and parameters.png";
    }

    @Override
    public Metric create(DiracTrajectorySpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        return new DiracTrajectoryMetric();
    }
}
