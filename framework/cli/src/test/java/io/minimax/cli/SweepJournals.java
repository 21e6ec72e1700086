package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the tests compare between a sweep run one way and another: each run's status and journaled values, by run name. */
final class SweepJournals
{
    private SweepJournals() {}

    /** Run name → status. */
    static Map<String, String> statuses(Path runsDirectory, String experiment)
            throws IOException
    {
        Map<String, String> statuses = new TreeMap<>();
        for (Path run : CliHarness.runDirectories(runsDirectory, experiment)) {
            JsonNode json = CliHarness.runJson(run);
            statuses.put(json.get("name").asText(), json.get("status").asText());
        }
        return statuses;
    }

    /** Run name → every journaled value as "key step bits", time metrics aside. */
    static Map<String, List<String>> values(Path runsDirectory, String experiment)
            throws IOException
    {
        Map<String, List<String>> values = new TreeMap<>();
        for (Path run : CliHarness.runDirectories(runsDirectory, experiment)) {
            values.put(CliHarness.runJson(run).get("name").asText(), values(run));
        }
        return values;
    }

    static List<String> values(Path run)
            throws IOException
    {
        List<String> values = new ArrayList<>();
        if (!Files.exists(run.resolve("metrics.jsonl"))) {
            return values;
        }
        for (JsonNode point : CliHarness.metrics(run)) {
            String key = point.get("key").asText();
            if (!key.startsWith("time/")) {
                long bits = Double.doubleToLongBits(point.get("value").asDouble());
                values.add(key + " " + point.get("step").asLong() + " " + Long.toHexString(bits));
            }
        }
        return values;
    }

    /** The only sweep planned under the runs folder. */
    static String onlySweepId(Path runsDirectory)
            throws IOException
    {
        try (var sweeps = Files.list(runsDirectory.resolve(".sweeps"))) {
            List<Path> folders = sweeps.toList();
            if (folders.size() != 1) {
                throw new AssertionError("expected one sweep under " + runsDirectory + ", found " + folders);
            }
            return folders.get(0).getFileName().toString();
        }
    }
}
