package io.minimax.plugins.imagemetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The repository's {@code .venv} Python with numpy, the same venv the MLflow tests and {@code minimax ui} use (MLflow
 * brings numpy). This module's tests run before the CLI's, so on a fresh machine the first use creates the venv and
 * installs numpy from PyPI, as {@code MlflowTestServer} does for MLflow.
 */
final class RepositoryPython
{
    private static final Path VENV = Path.of("../..").toAbsolutePath().normalize().resolve(".venv");

    private RepositoryPython() {}

    /** Runs {@code script} with {@code arguments}; returns its standard output, or fails with everything it printed. */
    static synchronized String run(String script, String... arguments)
            throws IOException, InterruptedException
    {
        Path python = VENV.resolve("bin/python");
        if (!hasNumpy(python)) {
            if (!Files.isExecutable(python)) {
                execute(List.of("python3", "-m", "venv", VENV.toString()), 120);
            }
            execute(List.of(VENV.resolve("bin/pip").toString(), "install", "--disable-pip-version-check", "-q", "numpy"), 600);
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", script));
        command.addAll(List.of(arguments));
        return execute(command, 120);
    }

    private static boolean hasNumpy(Path python)
            throws IOException, InterruptedException
    {
        if (!Files.isExecutable(python)) {
            return false;
        }
        Process process = new ProcessBuilder(python.toString(), "-c", "import numpy").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private static String execute(List<String> command, long timeoutSeconds)
            throws IOException, InterruptedException
    {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new UncheckedIOException(new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                    + output));
        }
        return output;
    }
}
