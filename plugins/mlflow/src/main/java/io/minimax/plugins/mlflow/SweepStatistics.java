package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MetricPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The metrics of a sweep's parent run: the runs are grouped by their sweep values other than the seed, and each
 * group gets the mean and the sample standard deviation (0 for one run) over its seeds of every final value, as
 * {@code <group>/final/<key>/mean} and {@code …/std} (likewise for {@code final_mean10pct}), plus {@code <group>/runs}.
 * A group is named by its values, {@code loss_minimax} for {@code loss.type: minimax}; {@code all} when only the seed varies.
 */
final class SweepStatistics
{
    /** One finished (or failed) run of the sweep: its sweep values (path → value) and final values. */
    record Child(SortedMap<String, String> sweepValues, SortedMap<String, FinalValue> finals)
    {
        Child
        {
            sweepValues = new TreeMap<>(requireNonNull(sweepValues, "sweepValues is null"));
            finals = new TreeMap<>(requireNonNull(finals, "finals is null"));
        }

        /** The sweep values held in a run's tags ({@code minimax.sweep.<path>}). */
        static SortedMap<String, String> sweepValues(Map<String, String> tags)
        {
            SortedMap<String, String> values = new TreeMap<>();
            tags.forEach((key, value) -> {
                if (key.startsWith(SweepTags.VALUE_PREFIX)) {
                    values.put(key.substring(SweepTags.VALUE_PREFIX.length()), value);
                }
            });
            return values;
        }
    }

    private SweepStatistics() {}

    static List<MetricPoint> of(List<Child> children, long timestamp)
    {
        SortedMap<String, List<Child>> groups = new TreeMap<>();
        for (Child child : children) {
            groups.computeIfAbsent(group(child.sweepValues()), name -> new ArrayList<>()).add(child);
        }
        List<MetricPoint> points = new ArrayList<>();
        groups.forEach((group, members) -> {
            points.add(new MetricPoint(group + "/runs", members.size(), 0, timestamp));
            SortedMap<String, List<Double>> values = new TreeMap<>();
            for (Child member : members) {
                member.finals().forEach((key, value) -> {
                    values.computeIfAbsent(FinalValue.LAST_PREFIX + key, name -> new ArrayList<>()).add(value.last());
                    values.computeIfAbsent(FinalValue.MEAN_PREFIX + key, name -> new ArrayList<>()).add(value.meanOfLastTenth());
                });
            }
            values.forEach((key, samples) -> {
                double mean = samples.stream().mapToDouble(Double::doubleValue).sum() / samples.size();
                double squares = samples.stream().mapToDouble(sample -> (sample - mean) * (sample - mean)).sum();
                double std = samples.size() > 1 ? Math.sqrt(squares / (samples.size() - 1)) : 0;
                points.add(new MetricPoint(MlflowNames.key(group + "/" + key + "/mean"), mean, 0, timestamp));
                points.add(new MetricPoint(MlflowNames.key(group + "/" + key + "/std"), std, 0, timestamp));
            });
        });
        return points;
    }

    private static String group(SortedMap<String, String> sweepValues)
    {
        String name = sweepValues.entrySet().stream()
                .filter(entry -> !isSeed(entry.getKey()))
                .map(entry -> shortKey(entry.getKey()) + "_" + entry.getValue())
                .collect(Collectors.joining(" "));
        return name.isEmpty() ? "all" : MlflowNames.key(name).replace('/', '_');
    }

    private static boolean isSeed(String path)
    {
        return path.equals("seed") || path.endsWith(".seed");
    }

    /** As run names: {@code loss.type} → {@code loss}, {@code optimizer.generator.learningRate} → {@code learningRate}. */
    private static String shortKey(String path)
    {
        String[] parts = path.split("\\.");
        if (parts.length >= 2 && parts[parts.length - 1].equals("type")) {
            return parts[parts.length - 2];
        }
        return parts[parts.length - 1];
    }
}
