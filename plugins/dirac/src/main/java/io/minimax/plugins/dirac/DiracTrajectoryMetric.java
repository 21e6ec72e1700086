package io.minimax.plugins.dirac;

import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.metric.RunView;
import io.minimax.spi.network.NetworkRole;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

/**
 * Dirac-GAN's game in parameter space. At each evaluation it logs {@code dirac/distance}, the distance
 * √((θ − a)² + ψ²) of the players from the game's only equilibrium (θ = a, the data point; ψ = 0), read off the
 * evaluation itself: θ is any generated sample (G(z) = θ), a any real one, and ψ the slope of D's logit between x = 0
 * and x = 1 (exact for the linear D; for other one-dimensional games, the same quantities of the players' outputs).
 * The players log θ and ψ every {@code logEvery} steps, and after the last step this asks for two charts of them,
 * {@code trajectory.png} (ψ against θ: simultaneous steps spiral out, alternating ones circle, R1 converges to the
 * equilibrium) and {@code parameters.png} (each against step).
 */
final class DiracTrajectoryMetric
        implements Metric
{
    private static final ScalarNames GENERATOR = ScalarNames.of(NetworkRole.GENERATOR);
    private static final ScalarNames DISCRIMINATOR = ScalarNames.of(NetworkRole.DISCRIMINATOR);

    static final String DISTANCE = "dirac/distance";

    @Override
    public Map<String, Double> evaluate(RunView run)
    {
        if (run.data().sampleShape().length != 1 || run.data().sampleShape()[0] != 1) {
            // the game lives on the line; on other data there is no (θ, ψ) to speak of
            return Map.of();
        }
        double theta = run.generatedSamples().getDouble(0, 0);
        double at = run.realSamples().getDouble(0, 0);
        INDArray logits = run.discriminatorLogits(Nd4j.createFromArray(new double[][] {{0}, {1}})
                .castTo(run.generatedSamples().dataType()));
        double psi = logits.getDouble(1, 0) - logits.getDouble(0, 0);
        return Map.of(DISTANCE, Math.hypot(theta - at, psi));
    }

    @Override
    public List<MetricChart> charts()
    {
        return List.of(
                new MetricChart("distance.png", "Distance from the equilibrium (theta = a, psi = 0)", "step", false, false,
                        List.of(Series.line(DISTANCE))),
                MetricChart.trajectory("trajectory.png", "Trajectory of the two players", GENERATOR.weight(), DISCRIMINATOR.weight()),
                // a player without a bias logs none, and its line is left out
                new MetricChart("parameters.png", "Players' parameters", "step", false, false, List.of(
                        Series.line(GENERATOR.weight()), Series.line(GENERATOR.bias()), Series.line(DISCRIMINATOR.weight()),
                        Series.line(DISCRIMINATOR.bias()))));
    }
}
