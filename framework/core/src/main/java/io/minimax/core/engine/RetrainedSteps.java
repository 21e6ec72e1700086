package io.minimax.core.engine;

import io.minimax.spi.tracking.MetricPoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The steps a resumed run trains a second time, between its checkpoint and where it was interrupted, and what it
 * logged for them the first time. A point it logs again with the same value (bit for bit, as it should) takes its
 * first timestamp: the journal and a mirror then hold the very point they held before, and a store that cannot
 * delete points (MLflow) skips it as one it has. A time measurement keeps its first value too: the step was timed
 * when it was first trained, and a second value would be a second point in such a store. A value that differs (the
 * run was resumed on another BLAS kernel, say) is logged as computed now, and counted in {@link #differences()}.
 */
public final class RetrainedSteps
{
    public static final RetrainedSteps NONE = new RetrainedSteps(List.of());

    private final Map<List<Object>, MetricPoint> first = new HashMap<>();
    private long differing;
    private Optional<String> firstDifference = Optional.empty();

    public RetrainedSteps(List<MetricPoint> retrained)
    {
        requireNonNull(retrained, "retrained is null").forEach(point -> first.putIfAbsent(key(point), point));
    }

    /** The points to log in place of {@code points}: in the same order, each with its first timestamp where it has one. */
    public synchronized List<MetricPoint> apply(List<MetricPoint> points)
    {
        if (first.isEmpty()) {
            return points;
        }
        List<MetricPoint> applied = new ArrayList<>(points.size());
        for (MetricPoint point : points) {
            MetricPoint before = first.remove(key(point));
            if (before == null) {
                applied.add(point);
            }
            else if (TrainingMetrics.isTimeKey(point.key())
                    || Double.doubleToLongBits(before.value()) == Double.doubleToLongBits(point.value())) {
                applied.add(before);
            }
            else {
                if (differing++ == 0) {
                    firstDifference = Optional.of(point.key() + " at step " + point.step() + ": " + before.value() + " then, "
                            + point.value() + " now");
                }
                applied.add(point);
            }
        }
        return applied;
    }

    /** How many values logged again differ from their first, and the first of them; empty when none did. */
    public synchronized Optional<String> differences()
    {
        return firstDifference.map(difference -> differing + " value" + (differing == 1 ? "" : "s")
                + " logged again differ from the first time (first: " + difference + ")");
    }

    private static List<Object> key(MetricPoint point)
    {
        return List.of(point.key(), point.step());
    }
}
