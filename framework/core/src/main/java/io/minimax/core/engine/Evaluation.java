package io.minimax.core.engine;

import java.util.Map;

/** What happens every {@code evalEvery} generator steps and after the last: instruments, plots, final samples. */
public interface Evaluation
{
    Evaluation NONE = (step, isFinal) -> Map.of();

    /** Runs the evaluation after {@code step} generator updates; returns the metric values it logged. */
    Map<String, Double> evaluate(long step, boolean isFinal);
}
