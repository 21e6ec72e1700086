package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real {@code minimax} child processes for the kill-and-resume tests: started, SIGKILLed when a condition holds, compared. */
final class KilledRuns
{
    static final Predicate<Path> NEVER = runs -> false;

    private KilledRuns() {}

    /**
     * Runs {@code descriptor} ({@code minimax run}, plus {@code extraArgs}) in a child process, SIGKILLed as soon as
     * {@code killWhen} holds for its runs folder; returns the runs folder.
     */
    static Path run(Path folder, String descriptor, Predicate<Path> killWhen, String... extraArgs)
            throws Exception
    {
        Files.createDirectories(folder);
        Path file = CliHarness.write(folder, "fixture.yaml", descriptor);
        Path runs = folder.resolve("runs");
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--runs-dir", runs.toString()));
        args.addAll(List.of(extraArgs));
        Process process = start(folder, args.toArray(String[]::new));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (process.isAlive() && System.nanoTime() < deadline) {
                if (killWhen.test(runs)) {
                    process.destroyForcibly();
                    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(process.exitValue()).as("the run was killed before it finished").isEqualTo(137);
                    return runs;
                }
                Thread.sleep(killWhen == NEVER ? 50 : 2);
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(killWhen).as("the run finished before it could be killed: " + Files.readString(folder.resolve("output.txt")))
                    .isSameAs(NEVER);
            return runs;
        }
        finally {
            process.destroyForcibly();
        }
    }

    /** {@code minimax args} in a child process, waited for; stdout and stderr together. */
    static CliHarness.Result child(Path folder, String... args)
            throws Exception
    {
        Process process = start(folder, args);
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(folder.resolve("output.txt"));
        return new CliHarness.Result(process.exitValue(), output, output);
    }

    private static Process start(Path folder, String... args)
            throws IOException
    {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.resolve("output.txt").toFile()).start();
    }

    /** A run's {@code run.json}, for lambdas. */
    static JsonNode runJson(Path run)
    {
        try {
            return CliHarness.runJson(run);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run folders of an experiment. */
    static List<Path> runFolders(Path runs, String experiment)
    {
        File[] folders = runs.resolve(experiment).toFile().listFiles(File::isDirectory);
        return folders == null ? List.of() : Stream.of(folders).map(File::toPath).sorted().toList();
    }

    /** Every journaled value of every run of an experiment, by run name, as "key step bits", time metrics aside. */
    static Map<String, List<String>> valuesByRun(Path runs, String experiment)
            throws IOException
    {
        Map<String, List<String>> values = new TreeMap<>();
        for (Path run : runFolders(runs, experiment)) {
            values.put(CliHarness.runJson(run).get("name").asText(), values(run));
        }
        return values;
    }

    /** Every journaled value as "key step bits", time metrics aside. */
    static List<String> values(Path run)
            throws IOException
    {
        List<String> values = new ArrayList<>();
        for (JsonNode point : CliHarness.metrics(run)) {
            String key = point.get("key").asText();
            if (!key.startsWith("time/")) {
                long bits = Double.doubleToLongBits(point.get("value").asDouble());
                values.add(key + " " + point.get("step").asLong() + " " + Long.toHexString(bits));
            }
        }
        return values;
    }

    static List<Path> checkpoints(Path run)
            throws IOException
    {
        Path folder = run.resolve("checkpoints");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(child -> child.getFileName().toString().startsWith("step-")).sorted().toList();
        }
    }

    /** Lines of the run's journal; 0 before it has one. */
    static long lineCount(Path run)
    {
        Path file = run.resolve("metrics.jsonl");
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Whether some run of the experiment has a checkpoint and all its runs together journaled {@code lines} lines. */
    static Predicate<Path> afterLines(String experiment, long lines)
    {
        return runs -> {
            List<Path> folders = runFolders(runs, experiment);
            try {
                boolean checkpointed = false;
                for (Path folder : folders) {
                    checkpointed |= !checkpoints(folder).isEmpty();
                }
                return checkpointed && folders.stream().mapToLong(KilledRuns::lineCount).sum() >= lines;
            }
            catch (IOException | RuntimeException e) {
                // a checkpoint renamed while listed
                return false;
            }
        };
    }
}
