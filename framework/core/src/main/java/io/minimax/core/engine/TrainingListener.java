package io.minimax.core.engine;

import java.util.Map;

/** Progress of one run's training loop, for a progress bar. Called on the training thread; must be quick. */
public interface TrainingListener
{
    TrainingListener NONE = new TrainingListener() {};

    default void started(String runName, long totalSteps) {}

    /** After each logging step, with the values just logged. */
    default void logged(long step, Map<String, Double> values) {}

    default void finished() {}
}
