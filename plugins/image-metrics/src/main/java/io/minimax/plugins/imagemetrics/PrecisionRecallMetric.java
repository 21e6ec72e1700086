package io.minimax.plugins.imagemetrics;

import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.metric.RunView;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Improved precision and recall of the evaluation's generated samples against the real set, whose manifold is kept. */
final class PrecisionRecallMetric
        implements Metric
{
    static final String PRECISION = "eval/precision";
    static final String RECALL = "eval/recall";

    private final RealFeatures features;
    private final int k;
    private NearestNeighbourBalls realBalls;

    PrecisionRecallMetric(RealFeatures features, int k)
    {
        this.features = requireNonNull(features, "features is null");
        this.k = k;
    }

    @Override
    public Map<String, Double> evaluate(RunView run)
    {
        double[][] real = features.real(run).vectors();
        if (realBalls == null) {
            realBalls = NearestNeighbourBalls.of(real, k);
        }
        PrecisionRecall result = PrecisionRecall.between(realBalls, real, features.generated(run).vectors(), k);
        return MetricValues.inOrder(PRECISION, result.precision(), RECALL, result.recall());
    }

    @Override
    public List<MetricChart> charts()
    {
        return List.of(new MetricChart("precision-recall.png", "Precision and recall (k-nearest-neighbour manifolds, k = " + k + ")",
                "step", false, false, List.of(Series.line(PRECISION), Series.line(RECALL))));
    }
}
