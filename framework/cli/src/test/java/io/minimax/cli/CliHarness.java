package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs the CLI in this JVM and reads what it wrote, as a user (or another tool) would read it. */
final class CliHarness
{
    static final ObjectMapper JSON = new ObjectMapper();
    /** Surefire runs in framework/cli. */
    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    record Result(int exitCode, String out, String err)
    {
    }

    private CliHarness() {}

    static Result minimax(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** The run folders of an experiment, in no particular order. */
    static List<Path> runDirectories(Path runsDirectory, String experiment)
            throws IOException
    {
        try (Stream<Path> runs = Files.list(runsDirectory.resolve(experiment))) {
            return runs.filter(Files::isDirectory).toList();
        }
    }

    static JsonNode runJson(Path runDirectory)
            throws IOException
    {
        return JSON.readTree(runDirectory.resolve("run.json").toFile());
    }

    static List<JsonNode> metrics(Path runDirectory)
            throws IOException
    {
        List<JsonNode> metrics = new ArrayList<>();
        for (String line : Files.readAllLines(runDirectory.resolve("metrics.jsonl"))) {
            metrics.add(JSON.readTree(line));
        }
        return metrics;
    }

    static Path write(Path directory, String name, String text)
            throws IOException
    {
        Path file = directory.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
