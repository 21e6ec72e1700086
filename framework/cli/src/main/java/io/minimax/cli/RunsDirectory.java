package io.minimax.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any run starts, that run journals can be written under {@code --runs-dir}: the folder, or where it is
 * not there yet the nearest folder above it that is, must be a writable folder. A run that found out at its first
 * write would fail half-made.
 */
final class RunsDirectory
{
    private RunsDirectory() {}

    /**
     * Checks the experiment's folder under {@code runsDirectory}, as the runs will make it.
     *
     * @throws InvalidInputException naming {@code --runs-dir} and the folder that cannot be written
     */
    static void checkWritable(Path runsDirectory, String experiment)
    {
        Path folder = runsDirectory;
        Path existing = runsDirectory.resolve(experiment).toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new InvalidInputException("--runs-dir " + folder + ": " + existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new InvalidInputException("--runs-dir " + folder + ": the folder " + existing + " is not writable");
        }
    }
}
