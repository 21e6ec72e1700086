package io.minimax.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code dataset-fashion-mnist}, for the tests that need the real data set: installed with apt-get when its
 * files are missing (the tests run as root on CI machines, as they do for chromium), so {@code mvn -B verify} on a
 * fresh machine needs no step of its own.
 */
public final class FashionMnistPackage
{
    public static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    private static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    private FashionMnistPackage() {}

    /** The package's folder, after installing it if any of its four files is missing. */
    public static synchronized Path folder()
    {
        if (FILES.stream().allMatch(file -> Files.isRegularFile(FOLDER.resolve(file)))) {
            return FOLDER;
        }
        long start = System.nanoTime();
        run(List.of("apt-get", "update", "-qq"), 5);
        run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "dataset-fashion-mnist"), 10);
        System.out.printf("FashionMnistPackage: installed dataset-fashion-mnist in %.0f s%n", (System.nanoTime() - start) / 1e9);
        return FOLDER;
    }

    private static void run(List<String> command, long timeoutMinutes)
    {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}
