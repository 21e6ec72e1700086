package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.minimax.core.platform.BlasPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digits a descriptor and seed give. In portable mode (OpenBLAS's HASWELL kernel) they are the same on every
 * x86-64 machine with AVX2, Intel or AMD: a digest of a short run's journal is kept as a golden file that any machine
 * running the tests must reproduce bit for bit. In the default mode the kernel is this machine's fastest, and the
 * digits only repeat on this machine.
 */
class TestBlasReproducibility
{
    /** Regenerate with -Dminimax.golden.update=true, only when a change of results is intended, and say so in the commit. */
    static final Path GOLDEN = CliHarness.REPOSITORY.resolve("framework/cli/src/test/resources/golden/portable-run.sha256");

    private static final String DESCRIPTOR = """
            name: golden
            seed: 7
            train: { steps: 150, batchSize: 32, logEvery: 5, evalEvery: 75 }
            data: { type: ring, modes: 8, radius: 2.0, std: 0.02 }
            prior: { type: gaussian, dim: 8 }
            loss: { type: non-saturating }
            generator: { type: mlp, hidden: [64, 64], activation: relu }
            discriminator: { type: mlp, hidden: [64, 64], activation: leaky-relu }
            optimizer:
              generator: { type: adam, learningRate: 0.001, beta1: 0.5 }
              discriminator: { type: adam, learningRate: 0.001, beta1: 0.5 }
            metrics:
              - { type: mode-coverage }
            """;

    @Test
    void portableRunReproducesTheGoldenDigestOnAnyMachine(@TempDir Path temp)
            throws Exception
    {
        Path runs = temp.resolve("runs");
        // a process of its own: this test JVM's OpenBLAS may already run another kernel
        Path output = temp.resolve("output.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", write(temp, "golden.yaml", DESCRIPTOR).toString(), "--runs-dir", runs.toString(), "--set",
                "reproducibility=portable")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).contains("kernel Haswell (portable: HASWELL");

        Path run = runDirectories(runs, "golden").get(0);
        JsonNode info = CliHarness.runJson(run);
        assertThat(info.get("tags").get("minimax.blas.kernel").asText()).isEqualTo("Haswell");
        assertThat(info.get("params").get("reproducibility").asText()).isEqualTo("portable");
        String digest = digest(run);
        if (Boolean.getBoolean("minimax.golden.update")) {
            Files.writeString(GOLDEN, digest + "\n");
        }
        assertThat(digest)
                .as("the portable run's values, against %s (measured on %s)", GOLDEN, info.get("tags").get("minimax.cpu").asText())
                .isEqualTo(Files.readString(GOLDEN).strip());
    }

    @Test
    void defaultModeRepeatsItsDigitsOnThisMachine(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "golden.yaml", DESCRIPTOR);
        List<String> digests = new ArrayList<>();
        for (String folder : List.of("first", "second")) {
            CliHarness.Result result = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve(folder).toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            Path run = runDirectories(temp.resolve(folder), "golden").get(0);
            assertThat(CliHarness.runJson(run).get("params").get("reproducibility").asText()).isEqualTo("fastest");
            assertThat(CliHarness.runJson(run).get("tags").get("minimax.blas.version").asText()).startsWith("OpenBLAS 0.3.19");
            digests.add(digest(run));
        }
        assertThat(digests.get(1)).isEqualTo(digests.get(0));
    }

    @Test
    void portableRunInAProcessWhoseOpenBlasRunsAnotherKernelIsRefused(@TempDir Path temp)
            throws Exception
    {
        String running = BlasPlatform.loaded().kernel();
        CliHarness.Result result = minimax("run", write(temp, "golden.yaml", DESCRIPTOR).toString(), "--runs-dir",
                temp.resolve("runs").toString(),
                "--set", "reproducibility=portable", "--set", "train.steps=5");
        if (running.equalsIgnoreCase("Haswell")) {
            assertThat(result.exitCode()).as(result.err()).isZero();
            return;
        }
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err())
                .contains("reproducibility: portable needs OpenBLAS's HASWELL kernel, but this process already runs " + running
                + ": start the portable run in a minimax process of its own");
        assertThat(temp.resolve("runs")).doesNotExist();
    }

    @Test
    void processesStartedAfterARunDoNotInheritItsKernelChoice(@TempDir Path temp)
            throws Exception
    {
        CliHarness.Result result = minimax("run", write(temp, "golden.yaml", DESCRIPTOR).toString(),
                "--runs-dir", temp.resolve("runs").toString(), "--set", "train.steps=5");
        assertThat(result.exitCode()).as(result.err()).isZero();
        // an unmodified ProcessBuilder environment hands the child this process's C environment, as the MLflow server gets it
        Process child = new ProcessBuilder("sh", "-c", "echo \"[${OPENBLAS_CORETYPE:-unset}]\"").redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(printed).isEqualTo("[" + System.getenv().getOrDefault("OPENBLAS_CORETYPE", "unset") + "]");
    }

    @Test
    void sweepOverReproducibilityIsRefused(@TempDir Path temp)
            throws Exception
    {
        CliHarness.Result result = minimax("run",
                write(temp, "sweep.yaml", DESCRIPTOR + "sweep:\n  reproducibility: [fastest, portable]\n").toString(),
                "--runs-dir", temp.resolve("runs").toString());
        assertThat(result.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(result.err()).contains("reproducibility: the runs of one minimax run share it");
    }

    /** SHA-256 of every journaled value (key, step and exact bits; time metrics and timestamps aside) and of the final samples. */
    static String digest(Path run)
            throws Exception
    {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (JsonNode point : CliHarness.metrics(run)) {
            String key = point.get("key").asText();
            if (!key.startsWith("time/")) {
                sha.update((key + " " + point.get("step").asLong() + " "
                        + Long.toHexString(Double.doubleToLongBits(point.get("value").asDouble())) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        sha.update(Files.readAllBytes(run.resolve("artifacts/samples-final.csv")));
        return HexFormat.of().formatHex(sha.digest());
    }
}
