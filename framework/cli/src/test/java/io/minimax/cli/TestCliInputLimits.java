package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.minimax.core.platform.MemoryLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.minimax.cli.CliHarness.metrics;
import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.runJson;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Input a new user may well try, that passed validation and then failed at run time (a stack trace, a process
 * growing past the machine's memory, minutes of parsing): each is now refused up front, in one line, with exit code 2,
 * before anything is written.
 */
class TestCliInputLimits
{
    private static final String VALID = PluginFixtures.defaultDescriptor();

    @Test
    void networksTooLargeForThisJvmAreRefusedWithTheEstimate(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "huge.yaml", VALID);
        String expected = "^generator: the networks need about \\d+\\.\\d (TB|PB) of parameters and activations at batch 4; "
                + Pattern.quote(MemoryLimits.current().describe()) + "\\R$";
        CliHarness.Result validated = minimax("validate", descriptor.toString(), "--set", "generator.hidden=[2147483647]");
        assertRefused(validated, temp);
        assertThat(validated.err()).containsPattern(expected);
        CliHarness.Result run = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("runs").toString(), "--set",
                "generator.hidden=[2147483647]");
        assertRefused(run, temp);
        assertThat(run.err()).containsPattern(expected);
    }

    @Test
    void aBatchTooLargeForThisJvmIsBlamedOnTheBatchSize(@TempDir Path temp)
            throws Exception
    {
        CliHarness.Result result = minimax("run", write(temp, "batch.yaml", VALID).toString(), "--runs-dir",
                temp.resolve("runs").toString(),
                "--set", "train.batchSize=1000000000");
        assertRefused(result, temp);
        Matcher estimate = Pattern.compile("^train\\.batchSize: the networks need about (\\d+\\.\\d) (GB|TB) of parameters and"
                + " activations at batch 1000000000; "
                + Pattern.quote(MemoryLimits.current().describe()) + "\\R$").matcher(result.err());
        assertThat(estimate.find()).as(result.err()).isTrue();
        // a lower bound: at least the minibatch (2m samples of 2 values and m noise vectors of 3) in floats
        double gigabytes = Double.parseDouble(estimate.group(1)) * (estimate.group(2).equals("TB") ? 1024 : 1);
        assertThat(gigabytes).isGreaterThan(1e9 * 7 * 4 / (1L << 30));
    }

    @Test
    void aBatchSizeThatOverflowsBlasIsRefused(@TempDir Path temp)
            throws Exception
    {
        CliHarness.Result result = minimax("run", write(temp, "batch.yaml", VALID).toString(), "--runs-dir",
                temp.resolve("runs").toString(),
                "--set", "train.batchSize=2147483647");
        assertRefused(result, temp);
        assertThat(result.err()).isEqualToIgnoringNewLines(
                "train.batchSize: the discriminator takes 2·batchSize = 4294967294 rows at once, more than the 2147483647 that BLAS"
                        + " counts in 32 bits");
    }

    @Test
    void aDescriptorOverOneMegabyteIsRefusedBeforeParsing(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "long.yaml", VALID + "description: " + "x".repeat(50 * 1024 * 1024) + "\n");
        long started = System.nanoTime();
        CliHarness.Result result = minimax("validate", descriptor.toString());
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).isEqualToIgnoringNewLines(descriptor + ": the descriptor is 50.0 MB (" + Files.size(descriptor)
                + " bytes); descriptors are limited to 1.0 MB (1048576 bytes)");
    }

    @Test
    void yamlAliasesAreRefusedWithTheirPath(@TempDir Path temp)
            throws Exception
    {
        String anchored = VALID
                .replace("{ type: mlp, hidden: [5, 4], activation: relu }", "{ type: mlp, hidden: &h [5, 4], activation: relu }")
                .replace("{ type: mlp, hidden: [4, 3], activation: leaky-relu, leak: 0.2 }",
                "{ type: mlp, hidden: *h, activation: leaky-relu, leak: 0.2 }");
        assertThat(anchored).contains("*h");
        CliHarness.Result result = minimax("run", write(temp, "alias.yaml", anchored).toString(), "--runs-dir",
                temp.resolve("runs").toString());
        assertRefused(result, temp);
        assertThat(result.err()).isEqualToIgnoringNewLines("discriminator.hidden: YAML aliases (*h) are not supported; write the value");

        CliHarness.Result set = minimax("validate", write(temp, "good.yaml", VALID).toString(), "--set", "generator.hidden=*h");
        assertThat(set.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(set.err()).isEqualToIgnoringNewLines("--set generator.hidden: YAML aliases (*h) are not supported; write the value");
    }

    @Test
    void aNameLongerThanAFolderNameMayBeIsRefused(@TempDir Path temp)
            throws Exception
    {
        String name = "n".repeat(300);
        CliHarness.Result result = minimax("run", write(temp, "long-name.yaml", VALID.replace("name: fixture", "name: " + name)).toString(),
                "--runs-dir", temp.resolve("runs").toString());
        assertRefused(result, temp);
        assertThat(result.err()).isEqualToIgnoringNewLines("name: must be at most 100 characters, as it names a folder and the MLflow"
                + " experiment (got 300)");
    }

    @Test
    void aRunsFolderThatCannotBeWrittenIsNamed(@TempDir Path temp)
            throws Exception
    {
        Path locked = Files.createDirectory(temp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root writes through permissions; /proc/sys is read-only to root too
            Path runs = Files.isWritable(locked) ? Path.of("/proc/sys") : locked;
            assumeThat(Files.isDirectory(runs) && !Files.isWritable(runs)).as("a folder this user cannot write").isTrue();
            CliHarness.Result result = minimax("run", write(temp, "good.yaml", VALID).toString(), "--runs-dir",
                    runs.resolve("runs").toString());
            assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
            assertThat(result.err()).isEqualToIgnoringNewLines("minimax: --runs-dir " + runs.resolve("runs") + ": the folder " + runs
                    + " is not writable");
            assertThat(result.out()).doesNotContain("BLAS");
        }
        finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aRunThatDivergesBeforeItsFirstLogStepKeepsTheStepAndQuantity(@TempDir Path temp)
            throws Exception
    {
        CliHarness.Result result = minimax("run", write(temp, "diverging.yaml", VALID).toString(), "--runs-dir",
                temp.resolve("runs").toString(),
                "--set", "train.steps=200", "--set", "train.logEvery=1000", "--set", "train.evalEvery=1000",
                "--set", "optimizer.discriminator={ type: sgd, learningRate: 1.0e30 }",
                "--set", "optimizer.generator={ type: sgd, learningRate: 1.0e30 }");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.RUN_FAILED);
        Path run = runDirectories(temp.resolve("runs"), "fixture").get(0);
        Matcher failure = Pattern.compile("(loss/\\w+) became (NaN|-?Infinity) at step (\\d+)").matcher(runJson(run).get("error").asText());
        assertThat(failure.find()).as(runJson(run).get("error").asText()).isTrue();
        long step = Long.parseLong(failure.group(3));
        assertThat(step).isLessThan(1000);
        List<JsonNode> logged = metrics(run).stream()
                .filter(point -> point.get("key").asText().equals(failure.group(1)) && point.get("step").asLong() == step)
                .toList();
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).get("value").asText()).isEqualTo(failure.group(2));
    }

    private static void assertRefused(CliHarness.Result result, Path temp)
    {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(result.err().lines().count()).as(result.err()).isEqualTo(1);
        assertThat(temp.resolve("runs")).doesNotExist();
    }
}
