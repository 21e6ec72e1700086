package io.minimax.cli;

import io.minimax.core.checkpoint.Checkpoint;
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

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Continues one run of a sweep's task from its checkpoint, as {@code minimax resume} does and with its checks: the
 * run's own {@code descriptor.yaml} is what it trained, it must not have changed since the checkpoint, and Minimax and
 * its plugins must be the versions the run started with.
 */
final class RunContinuation
{
    private final PluginRegistry registry;
    private final StopSignal stopSignal;

    RunContinuation(PluginRegistry registry, StopSignal stopSignal)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
    }

    RunOutcome resume(Path directory, Checkpoint checkpoint, PrintWriter out)
    {
        ExperimentPlan plan = new DescriptorLoader(registry).load(JournalLayout.descriptorFile(directory), List.of());
        RunPlan runPlan = plan.runs().get(0);
        String descriptorSha256;
        try {
            descriptorSha256 = RunCheckpoints.descriptorSha256(directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the descriptor of run " + directory, e);
        }
        if (!checkpoint.descriptorSha256().equals(descriptorSha256)) {
            throw new InvalidInputException("run " + directory.getFileName() + ": its descriptor changed since its checkpoint of step "
                    + checkpoint.step() + " (SHA-256 differs); it cannot be resumed");
        }
        ResumeCommand.checkVersions(directory, plan, runPlan, registry);
        out.println("Resuming run " + directory.getFileName() + " (" + runPlan.runName() + ") after step " + checkpoint.step());
        Path runsDirectory = directory.toAbsolutePath().getParent().getParent();
        ExperimentRunner runner = new ExperimentRunner(registry, runsDirectory,
                new RunTags(MinimaxVersion.get(), Optional.empty(), System.getProperty("user.name", "unknown")),
                new ProgressBars(out, System.console() != null), stopSignal, Clock.systemUTC());
        return runner.resume(plan, JournaledPlan.ofRun(plan, directory, checkpoint), List.of(0)).get(0);
    }
}
