package io.minimax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minimax.core.checkpoint.Checkpoint;
import io.minimax.core.checkpoint.CheckpointFiles;
import io.minimax.core.checkpoint.RunCheckpoints;
import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.journal.JournalLayout;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.run.RunOutcome;
import io.minimax.core.run.ExperimentRunner;
import io.minimax.core.run.JournaledPlan;
import io.minimax.core.run.RunTags;
import io.minimax.spi.tracking.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "resume", description = "Continue a run in its own journal from its latest valid checkpoint.")
final class ResumeCommand
        implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's folder, or its run id (looked up in --runs-dir).")
    String run;

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run journals are (default: ${DEFAULT-VALUE}).")
    Path runsDirectory;

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
            throws IOException
    {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path directory = RunFolders.find("resume", run, runsDirectory);
        PluginRegistry registry = pluginOptions.registry();
        ExperimentPlan plan = new DescriptorLoader(registry).load(JournalLayout.descriptorFile(directory), List.of());
        RunPlan runPlan = plan.runs().get(0);
        if (plan.runs().size() != 1) {
            throw new InvalidInputException("resume: " + JournalLayout.descriptorFile(directory) + " plans " + plan.runs().size()
                    + " runs; a run's own descriptor plans one");
        }
        Checkpoint checkpoint = CheckpointFiles.latest(directory, warning -> err.println("warning: " + warning))
                .orElseThrow(() -> new InvalidInputException("resume: run " + directory.getFileName() + " has no valid checkpoint in "
                        + directory.resolve(CheckpointFiles.DIRECTORY)));
        err.flush();
        if (!checkpoint.descriptorSha256().equals(RunCheckpoints.descriptorSha256(directory))) {
            throw new InvalidInputException("resume: the descriptor of run " + directory.getFileName() + " changed since its checkpoint "
                    + "of step " + checkpoint.step() + " (SHA-256 differs); start a new run instead");
        }
        checkVersions(directory, plan, runPlan, registry);
        RunCommand.blas(plan);
        out.println("Resuming run " + directory.getFileName() + " after step " + checkpoint.step());

        StopSignal stopSignal = new StopSignal();
        return StopOnInterrupt.around(stopSignal, () -> {
            ExperimentRunner runner = new ExperimentRunner(registry, directory.toAbsolutePath().getParent().getParent(),
                    new RunTags(MinimaxVersion.get(), Optional.empty(), System.getProperty("user.name", "unknown")),
                    new ProgressBars(out, System.console() != null), stopSignal, Clock.systemUTC());
            List<RunOutcome> outcomes = runner.resume(plan, JournaledPlan.ofRun(plan, directory, checkpoint), List.of(0));
            RunSummary.print(plan, outcomes, out);
            TrackingSummary.print(outcomes, directory.toAbsolutePath().getParent().getParent(), out);
            out.flush();
            return outcomes.size() == 1 && outcomes.get(0).result().status() == RunStatus.FINISHED ? Main.SUCCESS : Main.RUN_FAILED;
        });
    }

    /** The versions of Minimax and of every plugin must be those the run started with: other code computes other digits. */
    static void checkVersions(Path directory, ExperimentPlan plan, RunPlan runPlan, PluginRegistry registry)
    {
        Map<String, String> now = versions(new RunTags(MinimaxVersion.get(), Optional.empty(), "resume").forRun(plan, runPlan, registry));
        Map<String, String> then = new TreeMap<>();
        try {
            new ObjectMapper().readTree(JournalLayout.runFile(directory).toFile()).path("tags").fields()
                    .forEachRemaining(tag -> then.put(tag.getKey(), tag.getValue().asText()));
        }
        catch (IOException e) {
            throw new InvalidInputException("resume: cannot read " + JournalLayout.runFile(directory) + ": " + e.getMessage());
        }
        then.keySet().removeIf(key -> !key.equals("minimax.version") && !key.startsWith("minimax.plugin."));
        if (!now.equals(versions(then))) {
            throw new InvalidInputException("resume: the versions of Minimax or its plugins changed since run " + directory.getFileName()
                    + " started (" + then + " then, " + now + " now); start a new run instead");
        }
    }

    private static Map<String, String> versions(Map<String, String> tags)
    {
        Map<String, String> versions = new TreeMap<>(tags);
        versions.keySet().removeIf(key -> !key.equals("minimax.version") && !key.startsWith("minimax.plugin."));
        return versions;
    }

}
