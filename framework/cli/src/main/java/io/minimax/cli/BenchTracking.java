package io.minimax.cli;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.Players;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.journal.RunJournal;
import io.minimax.plugins.mlflow.MlflowTrackerFactory;
import io.minimax.plugins.mlflow.MlflowTrackerSpec;
import io.minimax.spi.RandomSource;
import io.minimax.spi.PluginContext;
import io.minimax.spi.tracking.RunStatus;
import io.minimax.spi.tracking.Tracker;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code minimax bench WORKLOAD --tracking-uri URI}: the cost of streaming to MLflow. Each repeat trains the same steps
 * twice, logging every 10 steps as a run does: once to the journal only, once to the journal and the MLflow tracker,
 * the order swapped every repeat. The overhead is the median of the repeats' ratios: on a shared machine the load
 * drifts by more than the effect measured, and a pair taken back to back sees nearly the same load. The training
 * thread's CPU time per step is reported too: other processes hardly move it, so it shows what the tracker costs
 * the training loop itself.
 */
final class BenchTracking
{
    private static final int LOG_EVERY = 10;

    private BenchTracking() {}

    static int compare(BenchWorkload workload, Players players, ExperimentSpec experiment, String trackingUri, int steps, int warmupSteps,
            int repeats, Path json, PrintWriter out)
    {
        MlflowTrackerSpec spec;
        try {
            spec = new MlflowTrackerSpec(trackingUri);
        }
        catch (RuntimeException e) {
            throw new InvalidInputException("--tracking-uri: " + e.getMessage());
        }
        MlflowTrackerFactory factory = new MlflowTrackerFactory();
        Path folder = temporaryFolder();
        try {
            if (warmupSteps > 0) {
                timed(players, experiment, warmupSteps, folder, Optional.of(factory.create(spec, context())));
            }
            Paired paired = Paired.measure(repeats, withMlflow -> timed(players, experiment, steps, folder,
                    withMlflow ? Optional.of(factory.create(spec, context())) : Optional.empty()));
            double[] journalOnly = paired.base();
            double[] streaming = paired.other();
            double[] journalOnlyCpu = paired.baseCpu();
            double[] streamingCpu = paired.otherCpu();
            double[] ratios = paired.ratios();
            double journal = median(journalOnly);
            double mlflow = median(streaming);
            double overhead = (median(ratios) - 1) * 100;
            double cpuOverhead = (median(streamingCpu) / median(journalOnlyCpu) - 1) * 100;
            out.printf("bench %s: batch %d, %d steps x %d repeats, logEvery %d: journal only median %.3f ms/step; journal + MLflow "
                    + "streaming median %.3f ms/step;"
                    + " overhead (median of paired ratios) %+.1f %%; training thread CPU %.3f vs %.3f ms/step (%+.1f %%)%n",
                    workload.workloadName(), experiment.train().batchSize(), steps, repeats, LOG_EVERY, journal, mlflow, overhead,
                    median(journalOnlyCpu), median(streamingCpu), cpuOverhead);
            out.flush();
            Map<String, Object> result = header(workload, experiment, steps, repeats);
            result.put("threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
            result.put("msPerStep", journal);
            result.put("trackingMsPerStep", mlflow);
            result.put("trackingOverheadPercent", overhead);
            result.put("trainingThreadCpuMsPerStep", median(journalOnlyCpu));
            result.put("trackingTrainingThreadCpuMsPerStep", median(streamingCpu));
            result.put("trainingThreadCpuOverheadPercent", cpuOverhead);
            result.put("allMsPerStep", journalOnly);
            result.put("allTrackingMsPerStep", streaming);
            BenchJson.write(json, result);
            return Main.SUCCESS;
        }
        finally {
            deleteQuietly(folder);
        }
    }

    /**
     * {@code minimax bench WORKLOAD --journal}: the cost of the journal itself. Each repeat trains the same steps twice,
     * once recording nothing and once journaling every 10 steps as a run does, the order swapped every repeat; the
     * overhead is the median of the paired ratios, and the training thread's CPU time per step is reported too.
     */
    static int journalCost(BenchWorkload workload, Players players, ExperimentSpec experiment, int steps, int warmupSteps, int repeats,
            Path json,
            PrintWriter out)
    {
        Path folder = temporaryFolder();
        try {
            if (warmupSteps > 0) {
                timed(players, experiment, warmupSteps, folder, true, Optional.empty());
            }
            Paired paired = Paired.measure(repeats,
                    withJournal -> timed(players, experiment, steps, folder, withJournal, Optional.empty()));
            double[] bare = paired.base();
            double[] journaled = paired.other();
            double[] bareCpu = paired.baseCpu();
            double[] journaledCpu = paired.otherCpu();
            double[] ratios = paired.ratios();
            double overhead = (median(ratios) - 1) * 100;
            double cpuOverhead = (median(journaledCpu) / median(bareCpu) - 1) * 100;
            // The write itself, timed alone: far below the noise of whole trainings on a shared machine.
            double writeMicros = journalWriteMicros(players, experiment, folder);
            double writeShare = writeMicros / 1000 / (LOG_EVERY * median(bare)) * 100;
            out.printf("bench %s: batch %d, %d steps x %d repeats, logEvery %d: no tracking median %.3f ms/step; journal median %.3f "
                    + "ms/step;"
                    + " overhead (median of paired ratios) %+.2f %%; training thread CPU %.3f vs %.3f ms/step (%+.2f %%);"
                    + " one journal write of a step's metrics %.1f µs = %.2f %% of %d steps%n",
                    workload.workloadName(), experiment.train().batchSize(), steps, repeats, LOG_EVERY, median(bare), median(journaled),
                    overhead,
                    median(bareCpu), median(journaledCpu), cpuOverhead, writeMicros, writeShare, LOG_EVERY);
            out.flush();
            Map<String, Object> result = header(workload, experiment, steps, repeats);
            result.put("msPerStep", median(bare));
            result.put("journalMsPerStep", median(journaled));
            result.put("journalOverheadPercent", overhead);
            result.put("trainingThreadCpuOverheadPercent", cpuOverhead);
            result.put("journalWriteMicros", writeMicros);
            result.put("journalWritePercentOfLogEverySteps", writeShare);
            BenchJson.write(json, result);
            return Main.SUCCESS;
        }
        finally {
            deleteQuietly(folder);
        }
    }

    /** Microseconds per journal write of one logged step's metrics (the values a real step logs), median of 5 x 2000. */
    private static double journalWriteMicros(Players players, ExperimentSpec experiment, Path folder)
    {
        TrainSpec train = new TrainSpec(LOG_EVERY, experiment.train().batchSize(), 1, experiment.train().updates(), LOG_EVERY, LOG_EVERY);
        MetricsRecorder recorder = new MetricsRecorder(List.of(), Clock.systemUTC());
        new Trainer(train, players, recorder, Evaluation.NONE, TrainingListener.NONE, new StopSignal(), DataType.FLOAT).train();
        Map<String, Double> values = recorder.lastValues();
        RunJournal journal = RunJournal.create(folder, experiment.name(), "journal-writes", Clock.systemUTC());
        journal.runStarted(journal.info(), Map.of(), Map.of());
        MetricsRecorder journaled = new MetricsRecorder(List.of(journal), Clock.systemUTC());
        double[] micros = new double[5];
        long step = 0;
        for (int round = 0; round < micros.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                journaled.record(++step, values);
            }
            micros[round] = (System.nanoTime() - start) / 1e3 / 2000;
        }
        journal.runEnded(RunStatus.FINISHED, Optional.empty());
        journal.close();
        return median(micros);
    }

    /** Wall-clock and training-thread CPU ms per step of one training; the tracker (if any) is ended after the clocks stop. */
    private static double[] timed(Players players, ExperimentSpec experiment, int steps, Path folder, Optional<Tracker> mlflow)
    {
        return timed(players, experiment, steps, folder, true, mlflow);
    }

    private static double[] timed(Players players, ExperimentSpec experiment, int steps, Path folder, boolean journaled,
            Optional<Tracker> mlflow)
    {
        RunJournal journal = RunJournal.create(folder, experiment.name(), mlflow.isPresent() ? "journal+mlflow" : "journal",
                Clock.systemUTC());
        List<Tracker> trackers = new ArrayList<>();
        if (journaled) {
            trackers.add(journal);
        }
        mlflow.ifPresent(trackers::add);
        for (Tracker tracker : trackers) {
            tracker.runStarted(journal.info(), Map.of("batch", Integer.toString(experiment.train().batchSize())),
                    Map.of("mlflow.runName", journal.info().name()));
        }
        TrainSpec train = new TrainSpec(steps, experiment.train().batchSize(), 1, experiment.train().updates(), LOG_EVERY, steps);
        Trainer trainer = new Trainer(train, players, new MetricsRecorder(trackers, Clock.systemUTC()), Evaluation.NONE,
                TrainingListener.NONE, new StopSignal(), DataType.FLOAT);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        trainer.train();
        double cpuMillisPerStep = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / steps;
        double millisPerStep = (System.nanoTime() - start) / 1e6 / steps;
        for (Tracker tracker : trackers) {
            tracker.runEnded(RunStatus.FINISHED, Optional.empty());
            tracker.close();
        }
        return new double[] {millisPerStep, cpuMillisPerStep};
    }

    /**
     * Timings of a baseline and of the same training with something more, taken in pairs back to back, the order
     * swapped every repeat: per repeat wall-clock and training-thread CPU ms per step of each, and other / base.
     */
    private record Paired(double[] base, double[] other, double[] baseCpu, double[] otherCpu, double[] ratios)
    {
        /** {@code timed.apply(withOther)} trains once and returns {wall ms per step, CPU ms per step}. */
        static Paired measure(int repeats, java.util.function.Function<Boolean, double[]> timed)
        {
            Paired paired = new Paired(new double[repeats], new double[repeats], new double[repeats], new double[repeats],
                    new double[repeats]);
            for (int repeat = 0; repeat < repeats; repeat++) {
                for (int order = 0; order < 2; order++) {
                    boolean withOther = (repeat % 2 == 0) == (order == 1);
                    double[] measured = timed.apply(withOther);
                    (withOther ? paired.other : paired.base)[repeat] = measured[0];
                    (withOther ? paired.otherCpu : paired.baseCpu)[repeat] = measured[1];
                }
                paired.ratios[repeat] = paired.other[repeat] / paired.base[repeat];
            }
            return paired;
        }
    }

    private static Map<String, Object> header(BenchWorkload workload, ExperimentSpec experiment, int steps, int repeats)
    {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", workload.workloadName());
        result.put("batch", experiment.train().batchSize());
        result.put("steps", steps);
        result.put("repeats", repeats);
        result.put("logEvery", LOG_EVERY);
        return result;
    }

    private static double median(double[] values)
    {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static PluginContext context()
    {
        return new PluginContext()
        {
            @Override
            public RandomSource random()
            {
                return new SeededRandomSource(0);
            }

            @Override
            public DataType dataType()
            {
                return DataType.FLOAT;
            }
        };
    }

    private static Path temporaryFolder()
    {
        try {
            return Files.createTempDirectory("minimax-bench");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    private static void deleteQuietly(Path folder)
    {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
