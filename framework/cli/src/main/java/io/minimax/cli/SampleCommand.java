package io.minimax.cli;

import io.minimax.core.checkpoint.Checkpoint;
import io.minimax.core.checkpoint.CheckpointFiles;
import io.minimax.core.checkpoint.RunCheckpoints;
import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.journal.JournalLayout;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.plot.SampleGrid;
import io.minimax.core.plot.SamplePlot;
import io.minimax.core.plot.SamplesCsv;
import io.minimax.core.wiring.TrainedGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "sample", description = "Draw samples from a run's trained generator, from its latest valid checkpoint or a given one.")
final class SampleCommand
        implements Callable<Integer>
{
    static final long MAX_SAMPLES = 1_000_000;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's folder, or its run id (looked up in --runs-dir).")
    String run;

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run journals are (default: ${DEFAULT-VALUE}).")
    Path runsDirectory;

    @Option(names = "--checkpoint", paramLabel = "STEP",
            description = "The step of the checkpoint to load (default: the latest valid one).")
    Long checkpointStep;

    @Option(names = "--n", paramLabel = "N", required = true, description = "How many samples, 1 to " + MAX_SAMPLES + ".")
    long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the noise drawn from the run's prior (default: ${DEFAULT-VALUE}); the same seed gives the same file.")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "FILE.csv (one sample per row) or FILE.png (a scatter of 2-D samples, a histogram of 1-D ones,"
                    + " a grid of images).")
    Path out;

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
            throws IOException
    {
        if (count <= 0 || count > MAX_SAMPLES) {
            throw new InvalidInputException("sample: --n must be between 1 and " + MAX_SAMPLES + ", not " + count);
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".csv")) {
            throw new InvalidInputException("sample: --out " + out + " must end in .csv or .png");
        }
        checkWritable(out);
        Path directory = RunFolders.find("sample", run, runsDirectory);
        PluginRegistry registry = pluginOptions.registry();
        ExperimentPlan plan = new DescriptorLoader(registry).load(JournalLayout.descriptorFile(directory), List.of());
        ExperimentSpec experiment = plan.runs().get(0).spec();
        Checkpoint checkpoint = checkpoint(directory, experiment);
        if (!checkpoint.descriptorSha256().equals(RunCheckpoints.descriptorSha256(directory))) {
            throw new InvalidInputException("sample: the descriptor of run " + directory.getFileName() + " changed since its checkpoint "
                    + "of step " + checkpoint.step() + " (SHA-256 differs)");
        }
        TrainedGenerator generator;
        try {
            generator = TrainedGenerator.create(experiment, registry, checkpoint.array("generator/parameters"),
                    RunCheckpoints.networkState(checkpoint, "generator"));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("sample: checkpoint " + checkpoint.directory() + ": " + e.getMessage());
        }
        long[] shape = generator.sampleShape();
        boolean images = SampleGrid.isImage(shape);
        if (png && !images && !(shape.length == 1 && (shape[0] == 1 || shape[0] == 2))) {
            throw new InvalidInputException("sample: a PNG plots 1-D or 2-D samples or shows images; run " + directory.getFileName()
                    + " makes samples of shape " + Arrays.toString(shape) + ": write a .csv instead");
        }
        if (png && images && count > SampleGrid.MAX_CELLS) {
            throw new InvalidInputException("sample: a grid PNG shows at most " + SampleGrid.MAX_CELLS + " images, not " + count
                    + "; write a .csv for more");
        }
        int n = (int) count;
        try {
            if (png && images) {
                SampleGrid.write(generator.sample(n, seed), n, out);
            }
            else if (png) {
                SamplePlot.write(generator.sample(n, seed), generator.realSamples(n, seed), checkpoint.step(),
                        directory.getFileName() + " · seed " + seed, out);
            }
            else {
                SamplesCsv.write(generator.sample(n, seed), out);
            }
        }
        catch (UncheckedIOException e) {
            throw new InvalidInputException("sample: cannot write " + out + " (" + e.getCause().getMessage() + ")");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Wrote " + n + " samples of run " + directory.getFileName() + " (checkpoint of step " + checkpoint.step()
                + ", seed " + seed + ") to " + out);
        stdout.flush();
        return Main.SUCCESS;
    }

    /** The checkpoint asked for, or the latest valid one; a corrupt one it skipped is a warning, unless none is left. */
    private Checkpoint checkpoint(Path directory, ExperimentSpec experiment)
    {
        if (checkpointStep != null) {
            try {
                return CheckpointFiles.at(directory, checkpointStep);
            }
            catch (IOException | RuntimeException e) {
                throw new InvalidInputException("sample: checkpoint of step " + checkpointStep + " of run " + directory.getFileName()
                        + " cannot be read: " + e.getMessage());
            }
        }
        List<String> warnings = new ArrayList<>();
        Optional<Checkpoint> latest = CheckpointFiles.latest(directory, warnings::add);
        if (latest.isEmpty()) {
            throw new InvalidInputException("sample: run " + directory.getFileName() + " has no valid checkpoint in "
                    + directory.resolve(CheckpointFiles.DIRECTORY)
                    + (experiment.train().vectorizeSweep() ? " (it trained in lockstep, and lockstep runs are not checkpointed)" : "")
                    + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"));
        }
        PrintWriter err = spec.commandLine().getErr();
        warnings.forEach(warning -> err.println("warning: " + warning));
        err.flush();
        return latest.get();
    }

    /** Refuses an output that cannot be written before any work: a folder, or a place under a file or a read-only folder. */
    private static void checkWritable(Path file)
    {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new InvalidInputException("sample: --out " + file + " is a folder");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new InvalidInputException("sample: --out " + file + " is not writable");
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
            throw new InvalidInputException("sample: --out " + file + " cannot be written: " + existing
                    + (Files.isDirectory(existing) ? " is not a writable folder" : " is not a folder"));
        }
    }
}
