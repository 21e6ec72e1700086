package io.minimax.core.sweep;

import io.minimax.core.journal.RunProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * An exclusive lock on a file of the shared runs folder (POSIX record locks, which NFS v4 and cluster filesystems
 * honour across hosts), held while a process runs a task or looks at a sweep as a whole. The holder writes its pid
 * and host into the file, so that whoever is refused can say who has it. The operating system releases the lock when
 * its process dies, whatever the way.
 */
public final class TaskLock
        implements AutoCloseable
{
    private final FileChannel channel;
    private final FileLock lock;

    private TaskLock(FileChannel channel, FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process (or this one) holds it. */
    public static Optional<TaskLock> tryAcquire(Path file)
    {
        FileChannel channel = open(file);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(holding(channel, lock));
        }
        catch (OverlappingFileLockException e) {
            close(channel);
            return Optional.empty();
        }
        catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    /** Waits for the lock. */
    public static TaskLock acquire(Path file)
    {
        FileChannel channel = open(file);
        try {
            return holding(channel, channel.lock());
        }
        catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    /** Who holds (or last held) the lock, e.g. {@code process 4242 on gpu-3}. */
    public static String holder(Path file)
    {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : text;
        }
        catch (IOException e) {
            return "another process";
        }
    }

    private static TaskLock holding(FileChannel channel, FileLock lock)
            throws IOException
    {
        RunProcess self = RunProcess.current();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("process " + self.pid() + " on " + self.host() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new TaskLock(channel, lock);
    }

    private static FileChannel open(Path file)
    {
        try {
            Files.createDirectories(file.getParent());
            return FileChannel.open(file, CREATE, READ, WRITE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open lock file " + file, e);
        }
    }

    private static void close(FileChannel channel)
    {
        try {
            channel.close();
        }
        catch (IOException ignored) {
            // nothing was locked
        }
    }

    @Override
    public void close()
    {
        try {
            lock.release();
            channel.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot release a lock", e);
        }
    }
}
