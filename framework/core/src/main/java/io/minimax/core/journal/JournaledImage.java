package io.minimax.core.journal;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * One picture of a series the run showed with a step slider ({@code Tracker.logImage}), as its journal keeps it in
 * {@value JournalLayout#IMAGES_FILE}.
 *
 * @param key the series, e.g. {@code samples}
 * @param step the step the picture belongs to
 * @param timestamp milliseconds since the epoch, when it was logged
 * @param file the PNG, inside the run's folder
 */
public record JournaledImage(String key, long step, long timestamp, Path file)
{
    public JournaledImage
    {
        requireNonNull(key, "key is null");
        requireNonNull(file, "file is null");
    }
}
