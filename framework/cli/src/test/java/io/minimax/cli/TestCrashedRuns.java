package io.minimax.cli;

import io.minimax.plugins.mlflow.JournalRun;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A `minimax run` killed with SIGKILL: `minimax runs` shows it CRASHED, and sync sends it FAILED with the reason. */
class TestCrashedRuns
{
    @Test
    void aKilledProcessLeavesACrashedRun(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = CliHarness.write(temp, "long.yaml", PluginFixtures.defaultDescriptor()
                .replace("steps: 3, batchSize: 4, logEvery: 1", "steps: 1000000, batchSize: 4, logEvery: 1"));
        Path runs = temp.resolve("runs");
        ChildRun child = ChildRun.start(descriptor, runs, temp.resolve("output.txt"), "022");
        Path run;
        try {
            run = child.awaitRunWith("fixture", "metrics.jsonl");
            while (Files.size(run.resolve("metrics.jsonl")) == 0) {
                Thread.sleep(20);
            }
            child.signal("KILL");
            child.awaitExit();
        }
        finally {
            child.destroy();
        }
        assertThat(CliHarness.runJson(run).get("status").asText()).isEqualTo("RUNNING");

        CliHarness.Result listed = CliHarness.minimax("runs", "--runs-dir", runs.toString());
        assertThat(listed.out()).contains("CRASHED")
                .contains("CRASHED: process " + child.process().pid() + " on ")
                .contains("`minimax resume` can continue it");

        JournalRun synced = JournalRuns.read(runs, Optional.empty(), "test").runs().get(0);
        assertThat(synced.status()).isEqualTo(RunStatus.FAILED);
        assertThat(synced.error()).hasValueSatisfying(error -> assertThat(error)
                .startsWith("the process ended without closing the run (process " + child.process().pid()));
        assertThat(synced.endTime()).isPresent();
    }
}
