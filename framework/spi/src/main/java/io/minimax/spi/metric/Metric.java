package io.minimax.spi.metric;

import java.util.List;
import java.util.Map;

/**
 * An instrument evaluated every {@code train.evalEvery} generator steps and once after the last. Created once per
 * run, so it may keep state between evaluations; called on the training thread.
 */
public interface Metric
{
    /**
     * Metric keys (e.g. {@code eval/modes_covered}) to values, logged at the evaluation's step. A key should be logged
     * at every evaluation or at none, so its history plots as one line.
     */
    Map<String, Double> evaluate(RunView run);

    /**
     * Everything this metric logs at one evaluation. By default {@link #evaluate}'s values at {@link RunView#step()};
     * a metric whose values belong on another axis overrides this and gives each value its own step (the spread of
     * V̂ per minibatch size m is logged at step = m).
     */
    default List<Measurement> measure(RunView run)
    {
        return evaluate(run).entrySet().stream()
                .map(entry -> new Measurement(entry.getKey(), entry.getValue(), run.step()))
                .toList();
    }

    /**
     * Files that go with the evaluation {@link #measure} just measured (called right after it, with the same view):
     * e.g. the statistics a number was computed from. None by default.
     */
    default List<MetricArtifact> artifacts(RunView run)
    {
        return List.of();
    }

    /** Charts of this metric's keys that the framework draws from the run's history after the final evaluation. */
    default List<MetricChart> charts()
    {
        return List.of();
    }
}
