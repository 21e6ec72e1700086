package io.minimax.core.evaluation;

import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.Players;
import io.minimax.core.plot.MetricPlot;
import io.minimax.core.plot.TrajectoryPlot;
import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.Tracker;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The sample evaluation, plus, after the last step, the trajectory of the players' logged scalars when both players
 * log some (Dirac-GAN's θ and ψ): {@code trajectory.png} draws the discriminator's first scalar against the
 * generator's, {@code parameters.png} every logged scalar against step. Runs of larger networks log no scalars and
 * get neither plot.
 */
public final class TrajectoryEvaluation
        implements Evaluation
{
    private final Evaluation samples;
    private final Players players;
    private final MetricsRecorder recorder;
    private final List<Tracker> trackers;
    private final RunInfo run;

    @Inject
    public TrajectoryEvaluation(SampleEvaluation samples, Players players, MetricsRecorder recorder, List<Tracker> trackers, RunInfo run)
    {
        this.samples = requireNonNull(samples, "samples is null");
        this.players = requireNonNull(players, "players is null");
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.trackers = List.copyOf(requireNonNull(trackers, "trackers is null"));
        this.run = requireNonNull(run, "run is null");
    }

    @Override
    public Map<String, Double> evaluate(long step, boolean isFinal)
    {
        Map<String, Double> values = samples.evaluate(step, isFinal);
        List<String> generatorKeys = List.copyOf(players.generator().loggedScalars().keySet());
        List<String> discriminatorKeys = List.copyOf(players.discriminator().loggedScalars().keySet());
        if (isFinal && !generatorKeys.isEmpty() && !discriminatorKeys.isEmpty()) {
            Path artifacts = run.directory().resolve("artifacts");
            String horizontal = generatorKeys.get(0);
            String vertical = discriminatorKeys.get(0);
            publish(TrajectoryPlot.write(horizontal, recorder.history().of(horizontal), vertical, recorder.history().of(vertical),
                    run.name() + ": trajectory of the two players", artifacts.resolve("trajectory.png")));
            Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>(generatorKeys);
            keys.addAll(discriminatorKeys);
            keys.forEach(key -> series.put(key, recorder.history().of(key)));
            publish(MetricPlot.write(series, "Players' parameters", Optional.empty(), artifacts.resolve("parameters.png")));
        }
        return values;
    }

    private void publish(Path file)
    {
        for (Tracker tracker : trackers) {
            tracker.logArtifact(file, "");
        }
    }
}
