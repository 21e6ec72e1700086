package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.Players;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.plugins.mlflow.MlflowTrackerFactory;
import io.minimax.plugins.mlflow.MlflowTrackerSpec;
import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;
import io.minimax.spi.tracking.Tracker;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code minimax bench tracking-load --tracking-uri URI --runs N[,N…] --duration S}: what one MLflow server accepts when N
 * runs stream to it at once. Each simulated run is a real mlflow tracker (the plugin's queue, sender thread, batches of
 * up to 1000 points, HTTP and timeouts), started with the params and tags of the toy workload and fed the toy run's
 * eight training keys at the rate a real toy run logs them at {@code logEvery} 10 on this machine (measured first
 * unless {@code --rate} is given). The runs start one by one, spread evenly over the ramp, as array tasks come up, so their
 * requests do not arrive in lockstep either. Only
 * requests that end within the measured window count; starting the runs and draining them at the end are not timed.
 * Each simulated run stands for a run with a CPU of its own, as on a cluster: only the server is shared.
 */
final class BenchTrackingLoad
{
    static final String WORKLOAD = "tracking-load";
    static final int LOG_EVERY = 10;
    private static final long TICK_MILLIS = 10;
    private static final String EXPERIMENT = "minimax-tracking-load";

    private BenchTrackingLoad() {}

    static int measure(Players players, ExperimentSpec experiment, SortedMap<String, String> params, String trackingUri,
            List<Integer> levels, int rampSeconds, int seconds, Optional<Double> rate, Path json, PrintWriter out)
    {
        MlflowTrackerSpec spec;
        try {
            spec = new MlflowTrackerSpec(trackingUri);
        }
        catch (RuntimeException e) {
            throw new InvalidInputException("--tracking-uri: " + e.getMessage());
        }
        double perRun = rate.orElseGet(() -> toyPointsPerSecond(players, experiment));
        out.printf("tracking-load: %s, %.0f points/s per run (%s), %d keys every %d steps, %d s per level after a %d s ramp%n",
                trackingUri, perRun, rate.isPresent() ? "--rate" : "measured: the toy workload, batch " + experiment.train().batchSize(),
                ToyKeys.KEYS.size(), LOG_EVERY, seconds, rampSeconds);
        out.flush();
        List<Map<String, Object>> results = new ArrayList<>();
        for (int runs : levels) {
            TrackingLoadLevel level = level(spec, params, runs, perRun, rampSeconds, seconds);
            out.println("tracking-load: " + level.line());
            out.flush();
            results.add(level.json());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", WORKLOAD);
        result.put("trackingUri", trackingUri);
        result.put("pointsPerSecondPerRun", perRun);
        result.put("rateMeasured", rate.isEmpty());
        result.put("logEvery", LOG_EVERY);
        result.put("rampSeconds", rampSeconds);
        result.put("levels", results);
        BenchJson.write(json, result);
        return Main.SUCCESS;
    }

    /** Points per second a real toy run logs: 3000 steps after 300 of warm-up, every {@value #LOG_EVERY} steps. */
    static double toyPointsPerSecond(Players players, ExperimentSpec experiment)
    {
        train(players, experiment, 300, List.of());
        PointCounter counter = new PointCounter();
        long start = System.nanoTime();
        train(players, experiment, 3000, List.of(counter));
        return counter.points / ((System.nanoTime() - start) / 1e9);
    }

    private static TrackingLoadLevel level(MlflowTrackerSpec spec, SortedMap<String, String> params, int runs, double perRun,
            int rampSeconds, int seconds)
    {
        ConcurrentLinkedQueue<TrackingLoadLevel.Batch> batches = new ConcurrentLinkedQueue<>();
        MlflowTrackerFactory factory = new MlflowTrackerFactory().observedBy(
                (points, nanos, failure) -> batches.add(new TrackingLoadLevel.Batch(System.nanoTime(), points, nanos, failure)));
        Path folder = Path.of(System.getProperty("java.io.tmpdir"));
        List<Tracker> trackers = new ArrayList<>();
        long start = System.nanoTime();
        long rampNanos = TimeUnit.SECONDS.toNanos(rampSeconds);
        long windowStart = start + rampNanos;
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(seconds);
        double stepsPerNano = perRun / ToyKeys.KEYS.size() * LOG_EVERY / 1e9;
        long[] logged = new long[runs];
        long[] started = new long[runs];
        for (long now = System.nanoTime(); now < windowEnd; now = System.nanoTime()) {
            // run i starts i/N of the ramp after run 0, as array tasks come up one by one, and logs from then on
            while (trackers.size() < runs && now - start >= rampNanos * trackers.size() / runs) {
                started[trackers.size()] = now;
                trackers.add(started(factory, spec, params, runs, trackers.size(), folder));
            }
            for (int run = 0; run < trackers.size(); run++) {
                long due = (long) ((now - started[run]) * stepsPerNano) / LOG_EVERY * LOG_EVERY;
                for (long step = logged[run] + LOG_EVERY; step <= due; step += LOG_EVERY) {
                    trackers.get(run).logMetrics(ToyKeys.points(step, System.currentTimeMillis()));
                }
                logged[run] = Math.max(logged[run], due);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
        }
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long drainStart = System.nanoTime();
        trackers.forEach(tracker -> tracker.runEnded(RunStatus.FINISHED, Optional.empty()));
        trackers.forEach(Tracker::close);
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        int incomplete = (int) trackers.stream()
                .filter(tracker -> !tracker.mirroredRun().map(MirroredRun::complete).orElse(false))
                .count();
        int unstarted = (int) trackers.stream().filter(tracker -> tracker.mirroredRun().isEmpty()).count();
        return TrackingLoadLevel.of(runs, perRun, windowStart, windowEnd, List.copyOf(batches), unstarted, incomplete, drainSeconds,
                loadAverage);
    }

    private static Tracker started(MlflowTrackerFactory factory, MlflowTrackerSpec spec, SortedMap<String, String> params, int runs,
            int run, Path folder)
    {
        Tracker tracker = factory.create(spec, BenchTracking.context());
        String name = "load-" + runs + "-" + run;
        tracker.runStarted(new RunInfo(UUID.randomUUID().toString().replace("-", ""), name, EXPERIMENT, folder, System.currentTimeMillis()),
                params, Map.of("mlflow.runName", name, "minimax.bench", WORKLOAD));
        return tracker;
    }

    private static void train(Players players, ExperimentSpec experiment, long steps, List<Tracker> trackers)
    {
        TrainSpec train = new TrainSpec(steps, experiment.train().batchSize(), 1, experiment.train().updates(), LOG_EVERY, steps);
        new Trainer(train, players, new MetricsRecorder(trackers, Clock.systemUTC()), Evaluation.NONE, TrainingListener.NONE,
                new StopSignal(), DataType.FLOAT).train();
    }

    /** Counts the points a training logs. */
    private static final class PointCounter
            implements Tracker
    {
        private long points;

        @Override
        public void runStarted(RunInfo run, Map<String, String> params, Map<String, String> tags) {}

        @Override
        public void logMetrics(List<MetricPoint> metrics)
        {
            points += metrics.size();
        }

        @Override
        public void logArtifact(Path file, String artifactPath) {}

        @Override
        public void runEnded(RunStatus status, Optional<String> error) {}
    }

    /** The keys a training step logs (see the README's table), with plausible values: the server does not care which. */
    static final class ToyKeys
    {
        static final List<String> KEYS = List.of("loss/discriminator", "loss/generator", "value/estimate", "discriminator/real",
                "discriminator/fake", "grad_norm/generator", "grad_norm/discriminator", "time/step_ms");

        private ToyKeys() {}

        static List<MetricPoint> points(long step, long timestamp)
        {
            List<MetricPoint> points = new ArrayList<>(KEYS.size());
            for (int key = 0; key < KEYS.size(); key++) {
                points.add(new MetricPoint(KEYS.get(key), 0.5 + 0.1 * Math.sin(step * 1e-3 + key), step, timestamp));
            }
            return points;
        }
    }
}
