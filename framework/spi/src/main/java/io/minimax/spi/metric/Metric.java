package io.minimax.spi.metric;

import java.util.Map;

/** An instrument evaluated every {@code train.evalEvery} generator steps and once after the last. */
public interface Metric
{
    /** Metric keys (e.g. {@code eval/modes_covered}) to values; keys must be stable across evaluations. */
    Map<String, Double> evaluate(RunView run);
}
