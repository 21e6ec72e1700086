package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.minimax.core.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A run on a disk that fills up: a real 1 MiB tmpfs, mounted where the test may mount (as root), skipped elsewhere.
 * The run ends FAILED saying the disk is full, and its journal reads back without a cut-off line.
 */
class TestFullDisk
{
    @Test
    void aFullDiskEndsTheRunFailedWithAReadableJournal(@TempDir Path temp)
            throws Exception
    {
        Path disk = Files.createDirectory(temp.resolve("disk"));
        assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString()) == 0, "cannot mount a tmpfs here");
        try {
            Path descriptor = CliHarness.write(temp, "long.yaml", PluginFixtures.defaultDescriptor()
                    .replace("steps: 3, batchSize: 4, logEvery: 1", "steps: 1000000, batchSize: 4, logEvery: 1, evalEvery: 50"));
            Path runs = disk.resolve("runs");
            ChildRun child = ChildRun.start(descriptor, runs, temp.resolve("output.txt"), "022");
            try {
                assertThat(child.awaitExit()).as(child.output()).isEqualTo(Main.RUN_FAILED);
            }
            finally {
                child.destroy();
            }
            Path run = child.runDirectory("fixture").orElseThrow();
            JsonNode info = CliHarness.runJson(run);
            assertThat(info.get("status").asText()).as(child.output()).isEqualTo("FAILED");
            assertThat(info.get("error").asText()).contains("No space left on device");
            assertThat(Files.readString(run.resolve("metrics.jsonl"))).endsWith("\n");
            assertThat(new JournalReader(runs).metrics(run).warnings()).isEmpty();
            assertThat(new JournalReader(runs).runs().warnings()).isEmpty();
            assertThat(ChildRun.files(run)).noneMatch(file -> file.getFileName().toString().endsWith(".tmp"));
            assertThat(child.output()).contains("fixture: final values");
        }
        finally {
            command("umount", disk.toString());
        }
    }

    private static int command(String... command)
            throws Exception
    {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
