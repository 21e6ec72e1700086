package io.minimax.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input ends with exit code 2 and a message naming the cause; never a stack trace, never a half-made run. */
class TestCliErrors
{
    private static final String VALID = PluginFixtures.defaultDescriptor();

    @Test
    void unknownLossTypeIsReportedWithPathAndSuggestion(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "bad.yaml", VALID.replace("loss: { type: non-saturating }", "loss: { type: non-saturatng }"));
        CliHarness.Result result = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("runs").toString());
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err())
                .contains("loss.type: unknown loss 'non-saturatng' (did you mean 'non-saturating'? known: hinge, least-squares, minimax, "
                        + "non-saturating, relativistic, wasserstein)");
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(temp.resolve("runs")).doesNotExist();
    }

    @Test
    void everyProblemIsReportedAtOnce(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "bad.yaml", VALID
                .replace("batchSize: 4", "batchSize: -4")
                .replace("{ type: ring, modes: 8, radius: 1.0, std: 0.01 }",
                        "{ type: ring, modes: 8, radius: 1.0, std: -0.01, colour: red }"));
        CliHarness.Result result = minimax("validate", descriptor.toString());
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).contains("train.batchSize", "data.std", "data.colour");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path temp)
    {
        CliHarness.Result result = minimax("run", temp.resolve("nowhere.yaml").toString());
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).contains("nowhere.yaml");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void yamlSyntaxErrorsNameTheLine(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "broken.yaml", "name: broken\ntrain: { steps: 3\nloss: [\n");
        CliHarness.Result result = minimax("validate", descriptor.toString());
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).containsPattern("line \\d+");
    }

    @Test
    void unknownOptionsAreInvalidInput()
    {
        CliHarness.Result result = minimax("run", "experiments/gaussian-1d.yaml", "--no-such-flag");
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).contains("--no-such-flag");
    }

    @Test
    void validateAcceptsAGoodDescriptor(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "good.yaml", VALID);
        CliHarness.Result result = minimax("validate", descriptor.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ok");
    }

    @Test
    void aPluginDirectoryThatIsNotThereIsNamed(@TempDir Path temp)
    {
        CliHarness.Result result = minimax("plugins", "--plugins", temp.resolve("missing").toString());
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).contains("missing");
        assertThat(Files.exists(temp.resolve("missing"))).isFalse();
    }
}
