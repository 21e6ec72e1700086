package io.minimax.core.journal;

import java.util.List;

/**
 * A run's pictures as {@link JournalReader#images} reads them, and what could not be read.
 *
 * @param images the last of each key and step, in logged order
 * @param warnings one line per skipped line of {@value JournalLayout#IMAGES_FILE}
 */
public record JournaledImages(List<JournaledImage> images, List<String> warnings)
{
    public JournaledImages
    {
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
    }
}
