package io.minimax.spi.metric;

import static java.util.Objects.requireNonNull;

/**
 * One value a metric logs, at a step of its choosing. Most metrics log at the evaluation's step
 * ({@link RunView#step()}); a metric whose values belong on another axis logs them there, e.g. the spread of V̂ per
 * minibatch size m at step = m.
 */
public record Measurement(String key, double value, long step)
{
    public Measurement
    {
        requireNonNull(key, "key is null");
        if (step < 0) {
            throw new IllegalArgumentException("step of " + key + " must be >= 0 (got " + step + ")");
        }
    }
}
