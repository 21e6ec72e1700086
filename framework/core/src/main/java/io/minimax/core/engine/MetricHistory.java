package io.minimax.core.engine;

import io.minimax.spi.tracking.MetricPoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every point a run logged, by key, for the end-of-run plots (a few thousand points: memory is no concern). */
public final class MetricHistory
{
    private final Map<String, List<MetricPoint>> byKey = new LinkedHashMap<>();

    synchronized void add(MetricPoint point)
    {
        byKey.computeIfAbsent(point.key(), key -> new ArrayList<>()).add(point);
    }

    public synchronized List<MetricPoint> of(String key)
    {
        return List.copyOf(byKey.getOrDefault(key, List.of()));
    }
}
