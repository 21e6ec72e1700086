package io.minimax.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The commit of the git checkout a descriptor lives in, for {@code mlflow.source.git.commit}; empty outside one. */
final class GitCommit
{
    private GitCommit() {}

    static Optional<String> of(Path file)
    {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Process process = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.matches("[0-9a-f]{40}")) {
                return Optional.empty();
            }
            return Optional.of(output);
        }
        catch (IOException e) {
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
