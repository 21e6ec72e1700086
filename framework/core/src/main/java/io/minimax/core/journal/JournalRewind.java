package io.minimax.core.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes a run's metrics back to a step, for a run that resumes from a checkpoint at that step: what it logged after
 * the checkpoint, it logs again. One atomic rewrite, so that a crash during it leaves the old file or the new one.
 */
final class JournalRewind
{
    private JournalRewind() {}

    /** Keeps the whole lines at or before {@code step}; a torn or unreadable line (a process killed mid-write) goes. */
    static void dropAfter(Path metricsFile, long step)
            throws IOException
    {
        if (!Files.exists(metricsFile)) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        String content = Files.readString(metricsFile, StandardCharsets.UTF_8);
        int start = 0;
        while (start < content.length()) {
            int end = content.indexOf('\n', start);
            if (end < 0) {
                break;
            }
            String line = content.substring(start, end);
            start = end + 1;
            try {
                if (MetricLines.parse(line).step() <= step) {
                    kept.append(line).append('\n');
                }
            }
            catch (CorruptJournalException e) {
                // dropped: only a line the kill cut short can be unreadable here
            }
        }
        AtomicFiles.write(metricsFile, kept.toString().getBytes(StandardCharsets.UTF_8));
    }
}
