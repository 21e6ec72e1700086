package io.minimax.cli;

import io.minimax.core.journal.JournalLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the run a command names: its folder, or its run id in one of the experiments under {@code --runs-dir}. */
final class RunFolders
{
    private RunFolders() {}

    /** @throws InvalidInputException, prefixed with {@code command}, when there is no such run */
    static Path find(String command, String run, Path runsDirectory)
            throws IOException
    {
        Path given = Path.of(run);
        if (Files.isRegularFile(JournalLayout.runFile(given))) {
            return given;
        }
        if (Files.isDirectory(runsDirectory)) {
            try (Stream<Path> experiments = Files.list(runsDirectory)) {
                Optional<Path> found = experiments.map(experiment -> experiment.resolve(run))
                        .filter(folder -> Files.isRegularFile(JournalLayout.runFile(folder)))
                        .findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new InvalidInputException(command + ": no run folder or run id '" + run + "' (looked in " + runsDirectory + ")");
    }
}
