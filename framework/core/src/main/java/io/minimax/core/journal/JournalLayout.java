package io.minimax.core.journal;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Where a run's journal lives: {@code <runs dir>/<experiment>/<run id>/} holding {@value #RUN_FILE},
 * {@value #DESCRIPTOR_FILE}, {@value #METRICS_FILE}, {@value #ARTIFACTS_DIRECTORY}/ and, once mirrored, {@value #MIRRORS_FILE}. Other code
 * (the engine, the MLflow mirror, {@code minimax sync}, {@code minimax runs}) and external checks rely on these names.
 */
public final class JournalLayout
{
    public static final String RUN_FILE = "run.json";
    public static final String DESCRIPTOR_FILE = "descriptor.yaml";
    public static final String METRICS_FILE = "metrics.jsonl";
    public static final String ARTIFACTS_DIRECTORY = "artifacts";
    /** Where the run was mirrored (see {@link RunMirrors}); absent until a tracker or {@code minimax sync} mirrored it. */
    public static final String MIRRORS_FILE = "mirrors.json";
    /** Its modification time is the run's heartbeat (see {@link RunLiveness}); while running it also holds space reserved for the end. */
    public static final String HEARTBEAT_FILE = "heartbeat";
    /**
     * The points a resumed run dropped from {@value #METRICS_FILE} and will log again as it trains their steps again
     * (see {@link RunJournal#reopen}); the first of each key and step is kept, for its timestamp.
     */
    public static final String RETRAINED_FILE = "retrained.jsonl";
    /**
     * The pictures the run logged as series with a step slider ({@code Tracker.logImage}), one line each, so that
     * {@code minimax sync} sends them as a live tracker would; absent for a run that logged none.
     */
    public static final String IMAGES_FILE = "images.jsonl";

    private JournalLayout() {}

    public static Path runDirectory(Path runsDirectory, String experiment, String runId)
    {
        return runsDirectory.resolve(checkFolderName(experiment, "experiment name")).resolve(checkFolderName(runId, "run id"));
    }

    public static Path runFile(Path runDirectory)
    {
        return runDirectory.resolve(RUN_FILE);
    }

    public static Path descriptorFile(Path runDirectory)
    {
        return runDirectory.resolve(DESCRIPTOR_FILE);
    }

    public static Path metricsFile(Path runDirectory)
    {
        return runDirectory.resolve(METRICS_FILE);
    }

    public static Path mirrorsFile(Path runDirectory)
    {
        return runDirectory.resolve(MIRRORS_FILE);
    }

    public static Path retrainedFile(Path runDirectory)
    {
        return runDirectory.resolve(RETRAINED_FILE);
    }

    public static Path imagesFile(Path runDirectory)
    {
        return runDirectory.resolve(IMAGES_FILE);
    }

    public static Path heartbeatFile(Path runDirectory)
    {
        return runDirectory.resolve(HEARTBEAT_FILE);
    }

    public static Path artifactsDirectory(Path runDirectory)
    {
        return runDirectory.resolve(ARTIFACTS_DIRECTORY);
    }

    /**
     * Returns {@code name} if it can be one folder name on every platform, else throws naming {@code what}. The
     * experiment name becomes a folder as written: rather than silently renaming it (and breaking whoever looks for
     * the folder), such a name is rejected; descriptor validation can call this to report it early.
     */
    public static String checkFolderName(String name, String what)
    {
        requireNonNull(name, what + " is null");
        if (name.isBlank() || name.equals(".") || name.equals("..") || !name.equals(name.strip())) {
            throw new IllegalArgumentException(what + " '" + name
                    + "' cannot be a folder name: it is blank, '.', '..' or has surrounding spaces");
        }
        for (int index = 0; index < name.length(); index++) {
            char character = name.charAt(index);
            if (character < 0x20 || "/\\:*?\"<>|".indexOf(character) >= 0) {
                throw new IllegalArgumentException(what + " '" + name + "' cannot be a folder name: it contains '" + printable(character)
                        + "'");
            }
        }
        return name;
    }

    private static String printable(char character)
    {
        return character < 0x20 ? String.format("\\u%04x", (int) character) : String.valueOf(character);
    }
}
