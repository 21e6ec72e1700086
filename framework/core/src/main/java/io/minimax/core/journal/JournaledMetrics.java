package io.minimax.core.journal;

import io.minimax.spi.tracking.MetricPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run's metrics as logged, and what could not be read.
 *
 * @param points in the order they were logged
 * @param warnings one line per skipped line of {@code metrics.jsonl}, naming the file, the line number and the problem
 */
public record JournaledMetrics(List<MetricPoint> points, List<String> warnings)
{
    public JournaledMetrics
    {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
    }

    /** For each key, the value at the highest step (the last one logged among equals), as MLflow compares runs. */
    public SortedMap<String, MetricPoint> latest()
    {
        SortedMap<String, MetricPoint> latest = new TreeMap<>();
        for (MetricPoint point : points) {
            latest.merge(point.key(), point, (previous, next) -> next.step() >= previous.step() ? next : previous);
        }
        return latest;
    }

    /** The points of each key, in logged order; the input of {@code MetricPlot}. */
    public SortedMap<String, List<MetricPoint>> byKey()
    {
        SortedMap<String, List<MetricPoint>> series = new TreeMap<>();
        for (MetricPoint point : points) {
            series.computeIfAbsent(point.key(), key -> new ArrayList<>()).add(point);
        }
        return series;
    }

    public List<MetricPoint> series(String key)
    {
        return points.stream().filter(point -> point.key().equals(key)).toList();
    }
}
