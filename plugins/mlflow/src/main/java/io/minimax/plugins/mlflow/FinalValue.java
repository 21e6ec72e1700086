package io.minimax.plugins.mlflow;

import static java.util.Objects.requireNonNull;

/**
 * How a metric ended: its last value and the mean of its last 10 % of points (at least one), which is steadier for a
 * GAN's noisy losses. MLflow's compare view compares runs by the value at the highest step, so these are logged as
 * keys of their own, {@value #LAST_PREFIX}{@code <key>} and {@value #MEAN_PREFIX}{@code <key>}, at the key's last step.
 */
record FinalValue(String key, double last, long step, long timestamp, double meanOfLastTenth, int points)
{
    static final String LAST_PREFIX = "final/";
    static final String MEAN_PREFIX = "final_mean10pct/";

    FinalValue
    {
        requireNonNull(key, "key is null");
    }

    static boolean isSummaryKey(String key)
    {
        return key.startsWith(LAST_PREFIX) || key.startsWith(MEAN_PREFIX);
    }
}
