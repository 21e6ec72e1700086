package io.minimax.core.journal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * The {@value JournalLayout#IMAGES_FILE} format: one JSON object per picture logged, the file relative to the run's
 * folder, {@code {"key":"samples","step":500,"timestamp":1700000000000,"file":"artifacts/samples-step-000500.png"}}.
 */
final class ImageLines
{
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private ImageLines() {}

    /** One complete line, newline included; {@code relativeFile} with {@code /} between names. */
    static String line(String key, long step, long timestamp, String relativeFile)
    {
        StringBuilder line = new StringBuilder(128).append("{\"key\":\"");
        ENCODER.quoteAsString(key, line);
        line.append("\",\"step\":").append(step).append(",\"timestamp\":").append(timestamp).append(",\"file\":\"");
        ENCODER.quoteAsString(relativeFile, line);
        return line.append("\"}\n").toString();
    }

    static JournaledImage parse(String line, Path runDirectory)
            throws CorruptJournalException
    {
        JsonNode root = JournalLineFields.object(line);
        String key = JournalLineFields.text(root, "key");
        String file = JournalLineFields.text(root, "file");
        Path resolved = runDirectory.resolve(file).normalize();
        if (!resolved.startsWith(runDirectory.normalize())) {
            throw new CorruptJournalException("'file' " + file + " is outside the run's folder");
        }
        return new JournaledImage(key, JournalLineFields.integral(root, "step"), JournalLineFields.integral(root, "timestamp"), resolved);
    }
}
