package io.minimax.core.descriptor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One run of an experiment: the validated spec plus what the journal and trackers record about it.
 *
 * @param sweepValues the sweep assignment of this run, in sweep order (path → value as written), empty for a single run
 * @param params the resolved descriptor flattened to dotted keys ({@code optimizer.generator.learningRate} →
 * {@code 0.0001}); numbers as plain numbers, lists as {@code [128, 128]}
 * @param resolvedYaml the resolved descriptor (defaults filled, sweep values applied) as YAML without the sweep
 */
public record RunPlan(ExperimentSpec spec, Map<String, String> sweepValues, SortedMap<String, String> params, String resolvedYaml)
{
    public RunPlan
    {
        requireNonNull(spec, "spec is null");
        sweepValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sweepValues));
        params = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
        requireNonNull(resolvedYaml, "resolvedYaml is null");
    }

    /** {@code loss=minimax seed=2} for a sweep run (last path segment = value), the experiment name otherwise. */
    public String runName()
    {
        if (sweepValues.isEmpty()) {
            return spec.name();
        }
        return sweepValues.entrySet().stream()
                .map(entry -> shortKey(entry.getKey()) + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String shortKey(String path)
    {
        // loss.type → loss; optimizer.generator.learningRate → learningRate; seed → seed
        String[] parts = path.split("\\.");
        if (parts.length >= 2 && parts[parts.length - 1].equals("type")) {
            return parts[parts.length - 2];
        }
        return parts[parts.length - 1];
    }
}
