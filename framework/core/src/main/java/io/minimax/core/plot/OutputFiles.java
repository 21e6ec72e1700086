package io.minimax.core.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

/** Writes plot and sample files whole: into a temporary file beside the target, then renamed over it. */
final class OutputFiles
{
    private OutputFiles() {}

    static void writePng(Chart<?, ?> chart, Path file)
    {
        replace(file, output -> {
            // not ImageIO.write(image, format, OutputStream): that caches in a file stream which ImageIO's own shutdown hook
            // closes on Ctrl-C, failing a PNG being written at that moment with "IOException: closed"
            try (ImageOutputStream image = new MemoryCacheImageOutputStream(output)) {
                if (!ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", image)) {
                    throw new IOException("no PNG writer available");
                }
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
            // not Files.createTempFile: its files are 0600 whatever the umask, and teammates could not read a shared runs folder
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path temporary = target.resolveSibling(target.getFileName() + "." + random + ".tmp");
            try {
                try (OutputStream output = Files.newOutputStream(temporary, CREATE_NEW, WRITE)) {
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
