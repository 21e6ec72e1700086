package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.run.ExperimentRunner;
import io.minimax.core.run.RunOutcome;
import io.minimax.core.run.RunTags;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C sets the stop signal (see RunCommand): the run ends KILLED after the current step, its journal intact. */
class TestInterrupt
{
    @Test
    void aStoppedRunEndsKilledWithItsJournalIntact(@TempDir Path temp)
            throws Exception
    {
        PluginRegistry registry = PluginLoader.load(Optional.empty());
        String descriptor = PluginFixtures.defaultDescriptor().replace("steps: 3", "steps: 1000") + "sweep:\n  seed: [1, 2]\n";
        ExperimentPlan plan = new DescriptorLoader(registry).parse(descriptor, "fixture.yaml", false, List.of());
        StopSignal stopSignal = new StopSignal();
        TrainingListener pressCtrlCAtStep20 = new TrainingListener()
        {
            @Override
            public void logged(long step, Map<String, Double> values)
            {
                if (step == 20) {
                    stopSignal.request();
                }
            }
        };
        ExperimentRunner runner = new ExperimentRunner(registry, temp, new RunTags("test", Optional.empty(), "tester"),
                (run, index, total) -> pressCtrlCAtStep20, stopSignal, Clock.systemUTC());

        List<RunOutcome> outcomes = runner.run(plan);

        assertThat(outcomes).as("the second run of the sweep is not started").hasSize(1);
        assertThat(outcomes.get(0).result().status()).isEqualTo(RunStatus.KILLED);
        assertThat(outcomes.get(0).result().stepsDone()).isEqualTo(20);
        Path run = outcomes.get(0).info().directory();
        assertThat(CliHarness.runJson(run).get("status").asText()).isEqualTo("KILLED");
        assertThat(CliHarness.metrics(run)).allSatisfy(point -> assertThat(point.get("step").asLong()).isLessThanOrEqualTo(20));
        assertThat(CliHarness.metrics(run).stream().filter(point -> point.get("key").asText().equals("loss/generator"))).hasSize(20);
    }
}
