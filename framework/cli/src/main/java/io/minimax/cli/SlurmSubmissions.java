package io.minimax.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minimax.core.sweep.SweepFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * What was handed to Slurm for a sweep, one JSON line per {@code sbatch} in {@value #FILE} beside the plan: the job id
 * and its tasks, for {@code minimax sweeps} to ask the scheduler about, and the options, which {@code submit --resume}
 * uses again unless told otherwise.
 */
final class SlurmSubmissions
{
    static final String FILE = "submissions.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param parallel the array's {@code %} limit, 0 for none */
    record Submission(String jobId, List<Integer> tasks, int parallel, List<String> sbatchOptions, String script, long time) {}

    private SlurmSubmissions() {}

    static void append(SweepFolder folder, Submission submission)
    {
        try {
            byte[] line = (JSON.writeValueAsString(submission) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(folder.file(FILE), line, CREATE, WRITE, APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot record Slurm job " + submission.jobId() + " in " + folder.file(FILE), e);
        }
    }

    /** Oldest first; empty for a sweep never handed to Slurm. */
    static List<Submission> read(SweepFolder folder)
    {
        Path file = folder.file(FILE);
        List<Submission> submissions = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    submissions.add(JSON.readValue(line, Submission.class));
                }
            }
        }
        catch (NoSuchFileException e) {
            return List.of();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return submissions;
    }

    static Optional<Submission> last(SweepFolder folder)
    {
        List<Submission> submissions = read(folder);
        return submissions.isEmpty() ? Optional.empty() : Optional.of(submissions.get(submissions.size() - 1));
    }
}
