package io.minimax.core.engine;

import java.util.Map;

/** What happens every {@code evalEvery} generator steps and after the last: instruments, plots, final samples. */
public interface Evaluation
{
    Evaluation NONE = (step, isFinal) -> Map.of();

    /** Runs the evaluation after {@code step} generator updates; returns the metric values it logged. */
    Map<String, Double> evaluate(long step, boolean isFinal);

    /**
     * Before the first update of a new run (not of a resumed one), what is shown of the untrained networks at step 0,
     * so that a series a tracker shows with a step slider has a picture at every stop; no metrics. The default shows
     * nothing.
     */
    default void beforeTraining() {}
}
