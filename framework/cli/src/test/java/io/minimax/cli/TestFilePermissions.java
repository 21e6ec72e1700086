package io.minimax.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's files take the user's umask, so a shared runs folder is readable by teammates. */
class TestFilePermissions
{
    @Test
    void filesAndCheckpointFoldersAreWrittenWithTheUmask(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = CliHarness.write(temp, "short.yaml", PluginFixtures.defaultDescriptor()
                .replace("steps: 3, batchSize: 4, logEvery: 1", "steps: 4, batchSize: 4, logEvery: 1, evalEvery: 2"));
        ChildRun child = ChildRun.start(descriptor, temp.resolve("runs"), temp.resolve("output.txt"), "022");
        try {
            assertThat(child.awaitExit()).as(child.output()).isZero();
        }
        finally {
            child.destroy();
        }
        Path run = child.runDirectory("fixture").orElseThrow();
        List<Path> files = ChildRun.files(run);
        assertThat(files).extracting(file -> run.relativize(file).toString())
                .contains("run.json", "descriptor.yaml", "metrics.jsonl", "artifacts/samples-step-000002.png",
                        "artifacts/samples-final.csv");
        assertThat(files).allSatisfy(file -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as(run.relativize(file).toString())
                .isEqualTo("rw-r--r--"));
        List<Path> checkpoints = KilledRuns.checkpoints(run);
        assertThat(checkpoints).isNotEmpty()
                .allSatisfy(folder -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .as(run.relativize(folder).toString())
                .isEqualTo("rwxr-xr-x"));
    }
}
