package io.minimax.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's commands, run as a user would: {@code sbatch} to submit (and, with {@code --test-only}, to check a script
 * without submitting), {@code squeue} and {@code sacct} for the scheduler's view of a job's array elements. sacct needs
 * Slurm's accounting daemon; where it is off, squeue's view (jobs still pending or running, or ended a few minutes ago)
 * is what there is.
 */
final class Slurm
{
    record Output(int exitCode, String text) {}

    private Slurm() {}

    /** The command on PATH, if there. */
    static Optional<Path> find(String command)
    {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Path sbatch()
    {
        return find("sbatch").orElseThrow(() -> new InvalidInputException("submit --launcher slurm: no sbatch on PATH (run this where "
                + "Slurm's commands are, such as a cluster's login node, or use --launcher local)"));
    }

    /** Checks the script as sbatch would submit it; throws sbatch's own complaint in one line. */
    static void check(Path script)
    {
        Output output = run(List.of(sbatch().toString(), "--test-only", script.toString()));
        if (output.exitCode() != 0) {
            throw new InvalidInputException("sbatch refused the script " + script + ": " + oneLine(output.text()));
        }
    }

    /** Submits the script; returns the job id. */
    static String submit(Path script)
    {
        Output output = run(List.of(sbatch().toString(), "--parsable", script.toString()));
        String jobId = output.text().strip().split(";")[0];
        if (output.exitCode() != 0 || !jobId.matches("[0-9]+")) {
            throw new InvalidInputException("sbatch refused the script " + script + ": " + oneLine(output.text()));
        }
        return jobId;
    }

    /**
     * The scheduler's state of each array element of the given jobs, by job id and task index (e.g. PENDING, RUNNING,
     * COMPLETED, CANCELLED); empty where neither squeue nor sacct knows it or they are not installed.
     */
    static Map<String, Map<Integer, String>> states(Set<String> jobIds)
    {
        Map<String, Map<Integer, String>> states = new HashMap<>();
        if (jobIds.isEmpty()) {
            return states;
        }
        find("sacct").ifPresent(sacct -> {
            Output output = run(List.of(sacct.toString(), "-n", "-X", "-P", "-o", "JobID,State", "-j", String.join(",", jobIds)));
            if (output.exitCode() == 0) {
                parse(output.text(), jobIds, states);
            }
        });
        find("squeue").ifPresent(squeue -> {
            Output output = run(List.of(squeue.toString(), "-h", "-r", "-t", "all", "-o", "%i|%T"));
            if (output.exitCode() == 0) {
                parse(output.text(), jobIds, states);
            }
        });
        return states;
    }

    private static void parse(String text, Set<String> jobIds, Map<String, Map<Integer, String>> states)
    {
        for (String line : text.lines().toList()) {
            String[] fields = line.strip().split("\\|");
            String[] element = fields[0].split("_");
            if (fields.length < 2 || element.length != 2 || !jobIds.contains(element[0]) || !element[1].matches("[0-9]+")) {
                continue;
            }
            // "CANCELLED by 0" in sacct: the state is the first word
            states.computeIfAbsent(element[0], job -> new HashMap<>()).put(Integer.parseInt(element[1]), fields[1].split(" ")[0]);
        }
    }

    private static Output run(List<String> command)
    {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Output(124, command.get(0) + " did not answer within 60 s");
            }
            return new Output(process.exitValue(), text);
        }
        catch (IOException e) {
            return new Output(127, command.get(0) + ": " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Output(130, command.get(0) + " interrupted");
        }
    }

    private static String oneLine(String text)
    {
        List<String> lines = new ArrayList<>(text.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
        lines.removeIf(line -> line.startsWith("Try \"sbatch --help\""));
        return lines.isEmpty() ? "(no message)" : String.join("; ", lines);
    }
}
