package io.minimax.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A real `minimax run` in a child JVM, started through {@code sh} so that a test can set its umask. */
final class ChildRun
{
    private final Process process;
    private final Path runs;
    private final Path output;

    private ChildRun(Process process, Path runs, Path output)
    {
        this.process = process;
        this.runs = runs;
        this.output = output;
    }

    /** Starts {@code minimax run descriptor --runs-dir runs} with the given umask (e.g. "022"), output to {@code output}. */
    static ChildRun start(Path descriptor, Path runs, Path output, String umask)
            throws IOException
    {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        command.addAll(withDefaultSignals(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", descriptor.toString(), "--runs-dir", runs.toString())));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new ChildRun(process, runs, output);
    }

    /**
     * {@code command} run with SIGINT and SIGTERM at their default disposition. A job started in the background by a
     * shell without job control (a CI runner's {@code cmd &}, {@code nohup ... &}) ignores SIGINT, and its children
     * inherit that: the JVM then installs no handler and a test's Ctrl-C would never arrive. Perl (essential on Debian)
     * resets both and execs the command.
     */
    static List<String> withDefaultSignals(List<String> command)
    {
        String script = "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\\n\"";
        List<String> reset = new ArrayList<>(List.of("perl", "-e", script));
        reset.addAll(command);
        return reset;
    }

    Process process()
    {
        return process;
    }

    String output()
            throws IOException
    {
        return Files.readString(output);
    }

    /** The run's folder once it holds {@code file} (relative to it), waiting up to 60 s. */
    Path awaitRunWith(String experiment, String file)
            throws Exception
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<Path> run = runDirectory(experiment);
            if (run.isPresent() && Files.exists(run.get().resolve(file))) {
                return run.get();
            }
            assertThat(process.isAlive()).as("the run is still going: %s", output()).isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("no " + file + " appeared within 60 s: " + output());
    }

    /** Waits for the first file matching {@code glob} under the run's folder. */
    Path awaitFile(Path runDirectory, String glob)
            throws Exception
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<Path> file = files(runDirectory).stream()
                    .filter(path -> path.getFileSystem().getPathMatcher("glob:" + glob).matches(path.getFileName()))
                    .findFirst();
            if (file.isPresent()) {
                return file.get();
            }
            assertThat(process.isAlive()).as("the run is still going: %s", output()).isTrue();
            Thread.sleep(5);
        }
        throw new AssertionError("no " + glob + " appeared within 60 s: " + output());
    }

    void signal(String name)
            throws Exception
    {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    }

    int awaitExit()
            throws Exception
    {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ends").isTrue();
        return process.exitValue();
    }

    void destroy()
    {
        process.destroyForcibly();
    }

    Optional<Path> runDirectory(String experiment)
    {
        File[] folders = runs.resolve(experiment).toFile().listFiles(File::isDirectory);
        return folders != null && folders.length == 1 ? Optional.of(folders[0].toPath()) : Optional.empty();
    }

    /** Every regular file under {@code folder}, recursively. */
    static List<Path> files(Path folder)
            throws IOException
    {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
        catch (UncheckedIOException e) {
            // a temporary file renamed while walking
            return files(folder);
        }
    }
}
