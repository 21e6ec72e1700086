package io.minimax.core.descriptor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What one descriptor file expands to: one run, or one run per combination of the sweep's values.
 *
 * @param source the descriptor file (as given by the user)
 * @param sweep the sweep definition as written (path → values as text, in the order written), empty without a sweep
 */
public record ExperimentPlan(String name, String source, Map<String, List<String>> sweep, List<RunPlan> runs)
{
    public ExperimentPlan
    {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        // in the order written: the first path varies slowest, and listings show the axes in that order
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        sweep.forEach((path, values) -> ordered.put(path, List.copyOf(values)));
        sweep = Collections.unmodifiableMap(ordered);
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an experiment plan has at least one run");
        }
    }

    public boolean isSweep()
    {
        return !sweep.isEmpty();
    }
}
