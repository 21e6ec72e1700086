package io.minimax.core.run;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.FakePlugin;
import io.minimax.core.journal.RunJournal;
import io.minimax.core.journal.RunLiveness;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.minimax.core.run.JournaledPlan.Progress.ALIVE;
import static io.minimax.core.run.JournaledPlan.Progress.FINISHED;
import static io.minimax.core.run.JournaledPlan.Progress.NOT_STARTED;
import static io.minimax.core.run.JournaledPlan.Progress.RESUMABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which journaled runs {@link JournaledPlan} takes for a plan's runs: the latest attempt when no sweep id is given, the
 * given sweep's runs when one is (a cluster task must not take a sibling attempt for its own), and, for a task of a
 * planned sweep, the runs in the folders its plan named. Journals are written by {@link RunJournal} itself.
 */
class TestJournaledPlan
{
    private static final PluginRegistry REGISTRY = new PluginRegistry(List.of(new FakePlugin()));
    private static final String DESCRIPTOR = """
            name: attempts
            train: { steps: 300, batchSize: 64 }
            data: { type: ring }
            prior: { type: gaussian, dim: 2 }
            loss: { type: minimax }
            generator: { type: mlp }
            discriminator: { type: mlp }
            optimizer:
              generator: { type: adam }
              discriminator: { type: sgd, learningRate: 0.05 }
            """;
    private static final RunLiveness HERE = RunLiveness.here();

    @TempDir
    Path runs;

    private final ExperimentPlan sweep = plan(DESCRIPTOR + "sweep:\n  seed: [1, 2]\n");
    private final List<RunJournal> journals = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @AfterEach
    void closeJournals()
    {
        journals.forEach(RunJournal::close);
    }

    @Test
    void withoutASweepIdTheLatestAttemptCountsAndWithOneThatSweepsRuns()
    {
        String first = journal(sweep, 0, Optional.of("sweep-a"), 1_000, RunStatus.FINISHED);
        String second = journal(sweep, 1, Optional.of("sweep-a"), 2_000, RunStatus.KILLED);
        // a later attempt of the same plan: its first run still trains in this very process
        String later = journal(sweep, 0, Optional.of("sweep-b"), 3_000, RunStatus.RUNNING);

        JournaledPlan latest = JournaledPlan.read(runs, sweep, HERE, warnings::add);
        assertThat(latest.sweepId()).contains("sweep-b");
        assertThat(progress(latest)).containsExactly(ALIVE, NOT_STARTED);
        assertThat(latest.runs().get(0).run().orElseThrow().id()).isEqualTo(later);

        JournaledPlan given = JournaledPlan.read(runs, sweep, Optional.of("sweep-a"), HERE, warnings::add);
        assertThat(given.sweepId()).contains("sweep-a");
        assertThat(progress(given)).containsExactly(FINISHED, RESUMABLE);
        assertThat(given.runs()).extracting(run -> run.run().orElseThrow().id()).containsExactly(first, second);
        assertThat(given.runs().get(1).checkpoint()).isEmpty();
        assertThat(given.found()).isTrue();

        // the tasks of a sweep just submitted: none of its runs exists yet, and runs started now join it
        JournaledPlan fresh = JournaledPlan.read(runs, sweep, Optional.of("sweep-c"), HERE, warnings::add);
        assertThat(fresh.sweepId()).contains("sweep-c");
        assertThat(progress(fresh)).containsExactly(NOT_STARTED, NOT_STARTED);
        assertThat(fresh.found()).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRunningRunWhoseProcessIsGoneIsResumable()
    {
        journal(sweep, 0, Optional.of("sweep-a"), 1_000, RunStatus.RUNNING);
        // seen from another host an hour later: its heartbeat is older than the timeout
        RunLiveness elsewhere = new RunLiveness("another-host", Clock.offset(Clock.systemUTC(), Duration.ofHours(1)),
                RunLiveness.HEARTBEAT_TIMEOUT);
        JournaledPlan given = JournaledPlan.read(runs, sweep, Optional.of("sweep-a"), elsewhere, warnings::add);
        assertThat(progress(given)).containsExactly(RESUMABLE, NOT_STARTED);
    }

    @Test
    void aPlannedTaskFindsItsRunsByTheirPlannedIdsOnly()
    {
        String planned = journal(sweep, 1, Optional.of("sweep-a"), 1_000, RunStatus.KILLED);
        journal(sweep, 0, Optional.of("sweep-a"), 2_000, RunStatus.FINISHED);
        JournaledPlan task = JournaledPlan.readPlanned(runs, sweep, "sweep-a", Map.of(1, planned, 0, "0123abcd"), HERE, warnings::add);
        assertThat(task.sweepId()).contains("sweep-a");
        // position 0's planned folder does not exist: the FINISHED run of the same sweep beside it is not its run
        assertThat(progress(task)).containsExactly(NOT_STARTED, RESUMABLE);
        assertThat(task.runs().get(1).run().orElseThrow().id()).isEqualTo(planned);

        // a single run submitted as a task of its own: an earlier minimax run of the same descriptor is not taken for it
        ExperimentPlan single = plan(DESCRIPTOR);
        journal(single, 0, Optional.empty(), 3_000, RunStatus.FINISHED);
        JournaledPlan alone = JournaledPlan.readPlanned(runs, single, "sweep-s", Map.of(0, "4567cdef"), HERE, warnings::add);
        assertThat(alone.sweepId()).isEmpty();
        assertThat(progress(alone)).containsExactly(NOT_STARTED);
        assertThat(JournaledPlan.read(runs, single, HERE, warnings::add).runs()).extracting(JournaledPlan.PlannedRun::progress)
                .containsExactly(FINISHED);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPlannedFolderWithoutARunJsonIsNotStartedWithAWarning()
            throws Exception
    {
        // killed between making its folder and writing its run.json
        Files.createDirectories(runs.resolve("attempts").resolve("89abcdef"));
        JournaledPlan task = JournaledPlan.readPlanned(runs, sweep, "sweep-a", Map.of(0, "89abcdef"), HERE, warnings::add);
        assertThat(progress(task)).containsExactly(NOT_STARTED, NOT_STARTED);
        assertThat(warnings).containsExactly(runs.resolve("attempts/89abcdef/run.json")
                + ": missing (the run was interrupted before it started?); run skipped");
    }

    @Test
    void aPlannedRunWhoseDescriptorIsNotThePlannedOneIsRefused()
            throws Exception
    {
        String planned = journal(sweep, 0, Optional.of("sweep-a"), 1_000, RunStatus.KILLED);
        Path descriptor = runs.resolve("attempts").resolve(planned).resolve("descriptor.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("steps: 300", "steps: 301"));
        assertThatThrownBy(() -> JournaledPlan.readPlanned(runs, sweep, "sweep-a", Map.of(0, planned), HERE, warnings::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run " + planned + " (seed=1): its descriptor.yaml is not the one its sweep planned; it cannot be taken up");
    }

    private static ExperimentPlan plan(String yaml)
    {
        return new DescriptorLoader(REGISTRY).parse(yaml, "descriptor.yaml", false, List.of());
    }

    private static List<JournaledPlan.Progress> progress(JournaledPlan journaled)
    {
        return journaled.runs().stream().map(JournaledPlan.PlannedRun::progress).toList();
    }

    /** A run of {@code plan} at {@code index} journaled as a Minimax run writes it; its id. */
    private String journal(ExperimentPlan plan, int index, Optional<String> sweepId, long startTime, RunStatus status)
    {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(startTime), ZoneOffset.UTC);
        RunJournal journal = RunJournal.create(runs, plan.name(), plan.runs().get(index).runName(), clock);
        journals.add(journal);
        journal.writeDescriptor(plan.runs().get(index).resolvedYaml());
        journal.runStarted(journal.info(), Map.of(), sweepId.map(id -> Map.of(SweepTags.SWEEP_ID, id)).orElse(Map.of()));
        if (status != RunStatus.RUNNING) {
            journal.runEnded(status, Optional.empty());
        }
        return journal.info().id();
    }
}
