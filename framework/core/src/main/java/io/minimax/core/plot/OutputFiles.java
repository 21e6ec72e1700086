package io.minimax.core.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import javax.imageio.ImageIO;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

/** Writes plot and sample files whole: into a temporary file beside the target, then renamed over it. */
final class OutputFiles
{
    private OutputFiles() {}

    static void writePng(Chart<?, ?> chart, Path file)
    {
        replace(file, output -> {
            if (!ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", output)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    interface Content
    {
        void writeTo(OutputStream output)
                throws IOException;
    }

    static void replace(Path file, Content content)
    {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
            try {
                try (OutputStream output = Files.newOutputStream(temporary)) {
                    content.writeTo(output);
                }
                try {
                    Files.move(temporary, target, ATOMIC_MOVE, REPLACE_EXISTING);
                }
                catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, REPLACE_EXISTING);
                }
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
