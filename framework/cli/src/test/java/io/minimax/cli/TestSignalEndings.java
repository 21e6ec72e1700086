package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real SIGINT and SIGTERM to real `minimax run` processes at many points, with a sample PNG written every other step so
 * that the signal often lands while one is being written: every run ends KILLED, with whole journal lines, the
 * end-of-run table and no temporary file left behind.
 */
class TestSignalEndings
{
    private static final int TRIES = 20;

    @Test
    void everySignalEndsTheRunKilled(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = CliHarness.write(temp, "long.yaml", PluginFixtures.defaultDescriptor()
                .replace("steps: 3, batchSize: 4, logEvery: 1", "steps: 1000000, batchSize: 4, logEvery: 1, evalEvery: 2"));
        Random random = new Random(11);
        List<String> failures = new ArrayList<>();
        for (int attempt = 0; attempt < TRIES; attempt++) {
            String signal = attempt % 2 == 0 ? "INT" : "TERM";
            Path runs = temp.resolve("runs-" + attempt);
            ChildRun child = ChildRun.start(descriptor, runs, temp.resolve("output-" + attempt + ".txt"), "022");
            try {
                Path run = child.awaitRunWith("fixture", "metrics.jsonl");
                child.awaitFile(run.resolve("artifacts"), "samples-step-*.png");
                Thread.sleep(random.nextInt(40));
                child.signal(signal);
                child.awaitExit();
                String problem = problem(run, child.output());
                if (problem != null) {
                    failures.add("try " + attempt + " (SIG" + signal + "): " + problem);
                }
            }
            finally {
                child.destroy();
            }
        }
        assertThat(failures).as("%d of %d tries", TRIES - failures.size(), TRIES).isEmpty();
    }

    /** What is wrong with the journal after the signal, or null. */
    private static String problem(Path run, String output)
            throws Exception
    {
        JsonNode info = CliHarness.runJson(run);
        if (!info.get("status").asText().equals("KILLED")) {
            return "status " + info.get("status").asText() + " (" + info.path("error").asText() + ")";
        }
        List<Path> temporary = ChildRun.files(run).stream().filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
        if (!temporary.isEmpty()) {
            return "left " + temporary;
        }
        String metrics = Files.readString(run.resolve("metrics.jsonl"));
        if (!metrics.isEmpty() && !metrics.endsWith("\n")) {
            return "a cut-off metrics line";
        }
        CliHarness.metrics(run);
        if (!output.contains("fixture: final values") || !output.contains("Journals: ")) {
            return "no end-of-run table in:\n" + output;
        }
        return null;
    }
}
