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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/** FAILED and KILLED runs, and their sweep's parent, end in MLflow as they end in the journal. */
@ExtendWith(MlflowTestServer.class)
class TestMlflowRunEndings
{
    /** 1.0e30 as run names write it: parameters are plain decimals. */
    private static final String HUGE = "1000000000000000000000000000000";

    @Test
    void failedRunCarriesItsReasonInATagAndTheNote(MlflowTestServer server, @TempDir Path temp)
            throws Exception
    {
        String descriptor = TestMlflowTracking.sweep("ending-failed", 40)
                .replace("discriminator: { type: adam, learningRate: 0.0002 }", "discriminator: { type: sgd, learningRate: 0.0002 }")
                .replace("loss.type: [minimax, non-saturating]\n  seed: [1, 2]", "optimizer.discriminator.learningRate: [0.0002, 1.0e30]");
        CliHarness.Result result = minimax("run", write(temp, "failing.yaml", descriptor).toString(), "--runs-dir",
                temp.resolve("runs").toString(),
                "--tracking-uri", server.uri());
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Main.RUN_FAILED);

        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            List<Run> runs = mlflow.runs("ending-failed");
            assertThat(runs).hasSize(3);
            Run failed = only(runs, "learningRate=" + HUGE);
            assertThat(failed.getInfo().getStatus().name()).isEqualTo("FAILED");
            String error = MlflowReader.tags(failed).get("minimax.error");
            assertThat(error).containsPattern("became (NaN|-?Infinity) at step \\d+");
            assertThat(MlflowReader.tags(failed).get("mlflow.note.content")).startsWith("**Failed:** " + error).contains("```yaml");
            assertThat(only(runs, "learningRate=0.0002").getInfo().getStatus().name()).isEqualTo("FINISHED");
            Run parent = only(runs, "ending-failed");
            assertThat(parent.getInfo().getStatus().name()).isEqualTo("FAILED");
            assertThat(MlflowReader.tags(parent).get("minimax.error")).startsWith("1 of 2 runs failed: learningRate=" + HUGE + ": ");
        }
    }

    @Test
    void ctrlCEndsTheRunAndItsSweepKilled(MlflowTestServer server, @TempDir Path temp)
    {
        PluginRegistry registry = PluginLoader.load(Optional.empty());
        String descriptor = PluginFixtures.defaultDescriptor().replace("name: fixture", "name: ending-killed")
                .replace("steps: 3", "steps: 1000")
                + "tracking: { type: mlflow, uri: '" + server.uri() + "' }\nsweep:\n  seed: [1, 2]\n";
        ExperimentPlan plan = new DescriptorLoader(registry).parse(descriptor, "killed.yaml", false, List.of());
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
        List<RunOutcome> outcomes = new ExperimentRunner(registry, temp, new RunTags("test", Optional.empty(), "tester"),
                (run, index, total) -> pressCtrlCAtStep20, stopSignal, Clock.systemUTC()).run(plan);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).result().status()).isEqualTo(RunStatus.KILLED);
        assertThat(outcomes.get(0).mirrors()).singleElement().satisfies(mirror -> assertThat(mirror.complete()).isTrue());

        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            List<Run> runs = mlflow.runs("ending-killed");
            assertThat(runs).hasSize(2);
            Run killed = only(runs, "seed=1");
            assertThat(killed.getInfo().getStatus().name()).isEqualTo("KILLED");
            assertThat(mlflow.history(killed.getInfo().getRunId(), "loss/generator")).hasSize(20);
            assertThat(only(runs, "ending-killed").getInfo().getStatus().name()).isEqualTo("KILLED");
        }
    }

    @Test
    void theOptionBeatsTheEnvironmentVariable()
    {
        TrackingOption option = new TrackingOption();
        assertThat(option.uri(Map.of("MLFLOW_TRACKING_URI", "http://team:5000"))).contains("http://team:5000");
        assertThat(option.uri(Map.of("MLFLOW_TRACKING_URI", " "))).isEmpty();
        option.trackingUri = "http://127.0.0.1:5000";
        assertThat(option.uri(Map.of("MLFLOW_TRACKING_URI", "http://team:5000"))).contains("http://127.0.0.1:5000");
        assertThat(TrackingOption.override("http://127.0.0.1:5000"))
                .isEqualTo("tracking={\"type\":\"mlflow\",\"uri\":\"http://127.0.0.1:5000\"}");
    }

    private static Run only(List<Run> runs, String name)
    {
        List<Run> named = runs.stream().filter(run -> MlflowReader.name(run).equals(name)).toList();
        assertThat(named).as("runs named %s among %s", name, runs.stream().map(MlflowReader::name).toList()).hasSize(1);
        return named.get(0);
    }
}
