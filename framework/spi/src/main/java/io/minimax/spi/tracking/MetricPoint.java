package io.minimax.spi.tracking;

import static java.util.Objects.requireNonNull;

/**
 * One logged value.
 *
 * @param step generator updates done when the value was measured
 * @param timestamp milliseconds since the epoch
 */
public record MetricPoint(String key, double value, long step, long timestamp)
{
    public MetricPoint
    {
        requireNonNull(key, "key is null");
    }
}
