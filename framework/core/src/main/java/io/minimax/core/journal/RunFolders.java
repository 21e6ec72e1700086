package io.minimax.core.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** Allocates {@code <runs dir>/<experiment>/<run id>/} with a fresh run id and an empty {@code artifacts/}. */
final class RunFolders
{
    private static final int MAX_ATTEMPTS = 16;

    private RunFolders() {}

    static Path allocate(Path runsDirectory, String experiment, Supplier<String> runIds)
            throws IOException
    {
        Path experimentDirectory = Files.createDirectories(runsDirectory.resolve(JournalLayout.checkFolderName(experiment,
                "experiment name")));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Path runDirectory = experimentDirectory.resolve(JournalLayout.checkFolderName(runIds.get(), "run id"));
            try {
                // fails when the folder exists, so two processes sharing a runs folder never share a run
                Files.createDirectory(runDirectory);
            }
            catch (FileAlreadyExistsException e) {
                continue;
            }
            Files.createDirectory(JournalLayout.artifactsDirectory(runDirectory));
            return runDirectory;
        }
        throw new IOException("no free run id in " + experimentDirectory + " after " + MAX_ATTEMPTS + " attempts");
    }

    /** 32 lowercase hex digits, like MLflow's run ids. */
    static Supplier<String> randomRunIds(Random random)
    {
        requireNonNull(random, "random is null");
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }
}
