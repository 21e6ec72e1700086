package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MetricPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects a run's points to compute each key's {@link FinalValue}: the live tracker as points arrive, {@code minimax
 * sync} from the journal, both the same way, so that a second sync finds the summaries it would send already there.
 */
final class FinalValues
{
    private final Map<String, List<MetricPoint>> byKey = new TreeMap<>();

    void add(List<MetricPoint> points)
    {
        for (MetricPoint point : points) {
            if (!FinalValue.isSummaryKey(point.key())) {
                byKey.computeIfAbsent(point.key(), key -> new ArrayList<>()).add(point);
            }
        }
    }

    /** By key; the last point is the one with the highest step, the latest logged among equals (as MLflow's). */
    SortedMap<String, FinalValue> compute()
    {
        SortedMap<String, FinalValue> finals = new TreeMap<>();
        byKey.forEach((key, points) -> {
            List<MetricPoint> ordered = new ArrayList<>(points);
            // stable: among equal steps the one logged last stays last
            ordered.sort((first, second) -> Long.compare(first.step(), second.step()));
            MetricPoint last = ordered.get(ordered.size() - 1);
            int tail = Math.max(1, (int) Math.ceil(ordered.size() * 0.1));
            double sum = 0;
            for (MetricPoint point : ordered.subList(ordered.size() - tail, ordered.size())) {
                sum += point.value();
            }
            finals.put(key, new FinalValue(key, last.value(), last.step(), last.timestamp(), sum / tail, ordered.size()));
        });
        return finals;
    }

    /** The summary points to log: {@code final/<key>} and {@code final_mean10pct/<key>} at the key's last step. */
    static List<MetricPoint> summaryPoints(SortedMap<String, FinalValue> finals)
    {
        List<MetricPoint> points = new ArrayList<>();
        for (FinalValue value : finals.values()) {
            points.add(new MetricPoint(FinalValue.LAST_PREFIX + value.key(), value.last(), value.step(), value.timestamp()));
            points.add(new MetricPoint(FinalValue.MEAN_PREFIX + value.key(), value.meanOfLastTenth(), value.step(), value.timestamp()));
        }
        return points;
    }
}
