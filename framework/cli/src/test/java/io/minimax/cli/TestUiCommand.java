package io.minimax.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.minimax.cli.CliHarness.minimax;
import static org.assertj.core.api.Assertions.assertThat;

class TestUiCommand
{
    @Test
    void withoutMlflowTheOneInstallCommandIsPrinted(@TempDir Path temp)
    {
        assertThat(MlflowServer.executable(Map.of("PATH", temp.toString()))).isEmpty();
        assertThat(MlflowServer.installCommand(Map.of("MINIMAX_HOME", "/opt/minimax")))
                .isEqualTo("python3 -m venv /opt/minimax/.venv && /opt/minimax/.venv/bin/pip install mlflow=="
                        + MlflowServer.PINNED_VERSION);

        CliHarness.Result result = minimax("ui", "--port", "1", "--mlflow", temp.resolve("no-mlflow-here").toString(), "--runs-dir",
                temp.toString());
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).contains("mlflow is not installed", "pip install mlflow==" + MlflowServer.PINNED_VERSION);
    }

    @Test
    void syncWithoutAServerSaysWhereToGiveIt(@TempDir Path temp)
    {
        // MLFLOW_TRACKING_URI is not set where the tests run
        CliHarness.Result result = minimax("sync", "--runs-dir", temp.toString());
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).contains("--tracking-uri", "MLFLOW_TRACKING_URI");
    }
}
