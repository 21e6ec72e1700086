package io.minimax.core.engine;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.Tracker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Turns step values into {@link MetricPoint}s for the run's trackers and remembers the last value of each key. */
public final class MetricsRecorder
{
    private final List<Tracker> trackers;
    private final Clock clock;
    private final Map<String, Double> lastValues = new LinkedHashMap<>();
    private final MetricHistory history = new MetricHistory();

    public MetricsRecorder(List<Tracker> trackers, Clock clock)
    {
        this.trackers = List.copyOf(requireNonNull(trackers, "trackers is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    public void record(long step, Map<String, Double> values)
    {
        long timestamp = clock.millis();
        List<MetricPoint> points = new ArrayList<>(values.size());
        values.forEach((key, value) -> points.add(new MetricPoint(key, value, step, timestamp)));
        points.forEach(history::add);
        for (Tracker tracker : trackers) {
            tracker.logMetrics(points);
        }
        lastValues.putAll(values);
    }

    public MetricHistory history()
    {
        return history;
    }

    public Map<String, Double> lastValues()
    {
        return Map.copyOf(lastValues);
    }
}
