package io.minimax.core.journal;

import io.minimax.spi.tracking.MirroredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestRunMirrors
{
    @Test
    void remembersEachStoreSeparately(@TempDir Path run)
    {
        assertThat(RunMirrors.read(run)).isEmpty();
        MirroredRun local = new MirroredRun("mlflow http://127.0.0.1:5000", "aaa", Optional.of("ppp"), false);
        MirroredRun team = new MirroredRun("mlflow https://mlflow.example.org", "bbb", Optional.empty(), true);
        RunMirrors.remember(run, local);
        RunMirrors.remember(run, team);
        RunMirrors.remember(run, new MirroredRun(local.store(), "aaa", Optional.of("ppp"), true));

        assertThat(RunMirrors.read(run)).hasSize(2);
        assertThat(RunMirrors.read(run, local.store())).contains(new MirroredRun(local.store(), "aaa", Optional.of("ppp"), true));
        assertThat(RunMirrors.read(run, team.store())).contains(team);
    }

    @Test
    void aDamagedFileReadsAsNeverMirrored(@TempDir Path run)
            throws Exception
    {
        Files.writeString(JournalLayout.mirrorsFile(run), "{\"mlflow http://x\": {\"runId\": ");
        assertThat(RunMirrors.read(run)).isEmpty();
        RunMirrors.remember(run, new MirroredRun("mlflow http://x", "ccc", Optional.empty(), true));
        assertThat(RunMirrors.read(run, "mlflow http://x")).map(MirroredRun::runId).contains("ccc");
    }
}
