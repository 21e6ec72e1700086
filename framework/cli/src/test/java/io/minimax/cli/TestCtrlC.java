package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real SIGINT to a real `minimax run` process: the run ends KILLED, and every journal line is whole. */
class TestCtrlC
{
    @Test
    void interruptingARunLeavesAKilledRunWithAnIntactJournal(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = CliHarness.write(temp, "long.yaml", PluginFixtures.defaultDescriptor()
                .replace("steps: 3, batchSize: 4, logEvery: 1", "steps: 1000000, batchSize: 4, logEvery: 1"));
        Path runs = temp.resolve("runs");
        Path output = temp.resolve("output.txt");
        Process process = new ProcessBuilder(ChildRun.withDefaultSignals(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", descriptor.toString(), "--runs-dir", runs.toString())))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            Path metrics = awaitMetrics(runs, process);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Files.readAllLines(metrics).size() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ends after Ctrl-C").isTrue();

            Path run = metrics.getParent();
            JsonNode info = CliHarness.runJson(run);
            assertThat(info.get("status").asText()).as(Files.readString(output)).isEqualTo("KILLED");
            assertThat(info.get("endTime").isNull()).isFalse();
            List<JsonNode> points = CliHarness.metrics(run);
            assertThat(points).hasSizeGreaterThanOrEqualTo(50);
            assertThat(Files.readString(metrics)).endsWith("\n");
            assertThat(points.get(points.size() - 1).get("step").asLong()).isLessThan(1_000_000L);
        }
        finally {
            process.destroyForcibly();
        }
    }

    private static Path awaitMetrics(Path runs, Process process)
            throws Exception
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the run is still going").isTrue();
            Path experiment = runs.resolve("fixture");
            if (Files.isDirectory(experiment)) {
                File[] folders = experiment.toFile().listFiles(File::isDirectory);
                if (folders != null && folders.length == 1 && Files.exists(folders[0].toPath().resolve("metrics.jsonl"))) {
                    return folders[0].toPath().resolve("metrics.jsonl");
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no metrics.jsonl appeared within 60 s");
    }
}
