package io.minimax.core.journal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

/** Replaces files so that readers see the old content or the new one, never a part. */
public final class AtomicFiles
{
    private AtomicFiles() {}

    public static void write(Path target, byte[] content)
            throws IOException
    {
        Path temporary = temporaryBeside(target);
        try {
            try (FileChannel channel = FileChannel.open(temporary, CREATE_NEW, WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // without this, a power loss right after the rename can leave an empty file behind the new name
                channel.force(true);
            }
            move(temporary, target);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Copies beside the target, then renames: whoever reads (or mirrors) artifacts never sees half a file. */
    static void copy(Path source, Path target)
            throws IOException
    {
        Path temporary = temporaryBeside(target);
        try {
            try (OutputStream output = Files.newOutputStream(temporary, CREATE_NEW, WRITE)) {
                Files.copy(source, output);
            }
            move(temporary, target);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A fresh name beside {@code target}, created with the user's umask when opened {@code CREATE_NEW}: not
     * {@code Files.createTempFile}, whose files are 0600 whatever the umask, so teammates could not read a shared runs folder.
     */
    private static Path temporaryBeside(Path target)
    {
        String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        return target.resolveSibling(target.getFileName() + "." + random + ".tmp");
    }

    private static void move(Path temporary, Path target)
            throws IOException
    {
        try {
            Files.move(temporary, target, ATOMIC_MOVE, REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, REPLACE_EXISTING);
        }
    }
}
