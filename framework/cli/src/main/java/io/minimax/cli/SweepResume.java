package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.journal.RunLiveness;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.run.ExperimentRunner;
import io.minimax.core.run.JournaledPlan;
import io.minimax.core.run.RunOutcome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** {@code minimax run FILE --resume}: what the runs folder holds of the plan, said in one line, then the rest trained. */
final class SweepResume
{
    private SweepResume() {}

    static List<RunOutcome> resume(ExperimentPlan plan, ExperimentRunner runner, Path runsDirectory, PluginRegistry registry,
            PrintWriter out)
    {
        JournaledPlan journaled = JournaledPlan.read(runsDirectory, plan, RunLiveness.here(),
                warning -> out.println("warning: " + warning));
        if (!journaled.found()) {
            out.println("Resume: no earlier run of this descriptor in " + runsDirectory.resolve(plan.name()) + "; starting "
                    + (plan.runs().size() == 1 ? "it" : "all " + plan.runs().size()));
            return runner.run(plan);
        }
        Map<JournaledPlan.Progress, Long> counts = new TreeMap<>(journaled.runs().stream()
                .collect(Collectors.groupingBy(JournaledPlan.PlannedRun::progress, Collectors.counting())));
        out.println("Resume" + journaled.sweepId().map(id -> " sweep " + id).orElse("") + ": " + counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase().replace('_', ' '))
                .collect(Collectors.joining(", ")));
        for (JournaledPlan.PlannedRun planned : journaled.runs()) {
            planned.run().ifPresent(run -> {
                if (planned.progress() == JournaledPlan.Progress.ALIVE) {
                    out.println("  " + run.name() + " (" + run.id() + "): still running in process "
                            + run.process().map(process -> process.pid() + " on " + process.host()).orElse("?") + ", left alone");
                }
                else if (planned.progress() == JournaledPlan.Progress.RESUMABLE) {
                    ResumeCommand.checkVersions(run.directory(), plan, plan.runs().get(planned.index()), registry);
                    out.println("  " + run.name() + " (" + run.id() + "): " + planned.checkpoint()
                            .map(checkpoint -> "resumes after step " + checkpoint.step())
                            .orElse("no checkpoint, trains again from step 0"));
                }
            });
        }
        out.flush();
        return runner.resume(plan, journaled, IntStream.range(0, plan.runs().size()).boxed().toList());
    }
}
