package io.minimax.core.journal;

import io.minimax.spi.tracking.MetricPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a run's metrics back to a step, for a run that resumes from a checkpoint at that step: what it logged after
 * the checkpoint, it logs again. One atomic rewrite, so that a crash during it leaves the old file or the new one.
 * The points dropped are kept aside first ({@value JournalLayout#RETRAINED_FILE}), so that the run can log them
 * again with their first timestamps even when it is interrupted again before it gets that far.
 */
final class JournalRewind
{
    private JournalRewind() {}

    /**
     * Keeps the whole lines at or before {@code step}; a torn or unreadable line (a process killed mid-write) goes.
     *
     * @return the first point of each key and step after {@code step} that this run ever logged, from this rewind
     *         and the ones before it
     */
    static List<MetricPoint> dropAfter(Path metricsFile, Path retrainedFile, long step)
            throws IOException
    {
        Map<List<Object>, MetricPoint> retrained = new LinkedHashMap<>();
        // an earlier rewind's points first: they were logged first
        for (MetricPoint point : points(retrainedFile)) {
            if (point.step() > step) {
                retrained.putIfAbsent(List.of(point.key(), point.step()), point);
            }
        }
        StringBuilder kept = new StringBuilder();
        for (String line : lines(metricsFile)) {
            try {
                MetricPoint point = MetricLines.parse(line);
                if (point.step() <= step) {
                    kept.append(line).append('\n');
                }
                else {
                    retrained.putIfAbsent(List.of(point.key(), point.step()), point);
                }
            }
            catch (CorruptJournalException e) {
                // dropped: only a line the kill cut short can be unreadable here
            }
        }
        StringBuilder aside = new StringBuilder();
        retrained.values().forEach(point -> MetricLines.append(point, aside));
        AtomicFiles.write(retrainedFile, aside.toString().getBytes(StandardCharsets.UTF_8));
        if (Files.exists(metricsFile)) {
            AtomicFiles.write(metricsFile, kept.toString().getBytes(StandardCharsets.UTF_8));
        }
        return List.copyOf(retrained.values());
    }

    private static List<MetricPoint> points(Path file)
            throws IOException
    {
        List<MetricPoint> points = new ArrayList<>();
        for (String line : lines(file)) {
            try {
                points.add(MetricLines.parse(line));
            }
            catch (CorruptJournalException e) {
                // written atomically: cannot be torn; a hand-edited line is no reason to refuse the resume
            }
        }
        return points;
    }

    /** The whole lines of the file: a last line without its newline was cut short. */
    private static List<String> lines(Path file)
            throws IOException
    {
        if (!Files.exists(file)) {
            return List.of();
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < content.length()) {
            int end = content.indexOf('\n', start);
            if (end < 0) {
                break;
            }
            lines.add(content.substring(start, end));
            start = end + 1;
        }
        return lines;
    }
}
