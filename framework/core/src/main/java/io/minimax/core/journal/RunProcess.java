package io.minimax.core.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The process that writes a run, as {@value JournalLayout#RUN_FILE} records it: enough for a reader to tell whether it
 * is still alive ({@link RunLiveness}).
 *
 * @param pid the operating system's process id
 * @param host the host name of the machine it runs on
 * @param startTime when the process started, milliseconds since the epoch, where the platform says: a pid reused by
 *         another process has another start time
 */
public record RunProcess(long pid, String host, OptionalLong startTime)
{
    public RunProcess
    {
        requireNonNull(host, "host is null");
        requireNonNull(startTime, "startTime is null");
    }

    /** This JVM. */
    public static RunProcess current()
    {
        ProcessHandle self = ProcessHandle.current();
        return new RunProcess(self.pid(), hostName(), startTime(self));
    }

    static OptionalLong startTime(ProcessHandle process)
    {
        return process.info().startInstant().map(instant -> OptionalLong.of(instant.toEpochMilli())).orElse(OptionalLong.empty());
    }

    /** The kernel's host name where it can be read without a DNS lookup (which can take seconds), else Java's. */
    public static String hostName()
    {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        try {
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
