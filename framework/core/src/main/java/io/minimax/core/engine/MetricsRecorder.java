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
    private final RetrainedSteps retrained;

    public MetricsRecorder(List<Tracker> trackers, Clock clock)
    {
        this(trackers, clock, RetrainedSteps.NONE);
    }

    /** For a resumed run: the points of steps it trains again take their first timestamps ({@link RetrainedSteps}). */
    public MetricsRecorder(List<Tracker> trackers, Clock clock, RetrainedSteps retrained)
    {
        this.trackers = List.copyOf(requireNonNull(trackers, "trackers is null"));
        this.clock = requireNonNull(clock, "clock is null");
        this.retrained = requireNonNull(retrained, "retrained is null");
    }

    public void record(long step, Map<String, Double> values)
    {
        long timestamp = clock.millis();
        List<MetricPoint> points = new ArrayList<>(values.size());
        values.forEach((key, value) -> points.add(new MetricPoint(key, value, step, timestamp)));
        List<MetricPoint> logged = retrained.apply(points);
        logged.forEach(history::add);
        for (Tracker tracker : trackers) {
            tracker.logMetrics(logged);
        }
        logged.forEach(point -> lastValues.put(point.key(), point.value()));
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
