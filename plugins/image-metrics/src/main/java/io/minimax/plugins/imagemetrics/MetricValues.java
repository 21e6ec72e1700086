package io.minimax.plugins.imagemetrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A metric's values in the order given. {@code Map.of} iterates in an order salted per JVM, so the journal of a
 * resumed run (another process) would list an evaluation's keys in another order than the uninterrupted run's.
 */
final class MetricValues
{
    private MetricValues() {}

    static Map<String, Double> inOrder(String firstKey, double first, String secondKey, double second)
    {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(firstKey, first);
        values.put(secondKey, second);
        return values;
    }
}
