package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.Lane;
import io.minimax.core.engine.LockstepRefusedException;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.ParallelLockstep;
import io.minimax.core.engine.ParameterOwner;
import io.minimax.core.engine.Players;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code minimax bench WORKLOAD --lanes N}: workload W3, N seeds of a workload trained in lockstep as a vectorised
 * sweep does it, through the same engine. Reports milliseconds per run-step (the lockstep step's wall time divided
 * by N) and run-steps per second; no journal, metrics or plots.
 */
final class BenchLockstep
{
    private BenchLockstep() {}

    static int measure(BenchWorkload workload, PluginRegistry registry, int batch, int lanes, int threads, int steps, int warmupSteps,
            int repeats, Path json, PrintWriter out)
    {
        DescriptorLoader loader = new DescriptorLoader(registry);
        List<ExperimentSpec> experiments = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            experiments.add(loader.parse(workload.descriptor(), workload.runName(), false,
                    List.of("train.batchSize=" + batch, "seed=" + (lane + 1))).runs().get(0).spec());
        }
        TrainSpec train = experiments.get(0).train();
        long warmedUp = JitWarmup.run(warmupSteps, count -> lockstep(train, lanes(experiments, registry), threads, count).train());
        double[] millisPerRunStep = new double[repeats];
        for (int repeat = 0; repeat < repeats; repeat++) {
            // fresh lanes: a lockstep hands its lanes their parameter vectors, once
            ParallelLockstep lockstep = lockstep(train, lanes(experiments, registry), threads, steps);
            long start = System.nanoTime();
            lockstep.train();
            millisPerRunStep[repeat] = (System.nanoTime() - start) / 1e6 / steps / lanes;
        }
        double[] sorted = millisPerRunStep.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", workload.workloadName());
        result.put("batch", batch);
        result.put("lanes", lanes);
        result.put("threads", threads);
        result.put("steps", steps);
        result.put("warmupSteps", warmedUp);
        result.put("repeats", repeats);
        result.put("msPerStep", median);
        result.put("bestMsPerStep", sorted[0]);
        result.put("runStepsPerSecond", 1000 / median);
        result.put("allMsPerStep", millisPerRunStep);
        out.printf("bench %s: %d lanes in lockstep on %d thread(s), batch %d, %d steps x %d repeats: median %.3f ms per run-step"
                        + " (%.0f run-steps/s), best %.3f%n",
                workload.workloadName(), lanes, threads, batch, steps, repeats, median, 1000 / median, sorted[0]);
        out.flush();
        BenchJson.write(json, result);
        return Main.SUCCESS;
    }

    private static List<Lane> lanes(List<ExperimentSpec> experiments, PluginRegistry registry)
    {
        List<Lane> lanes = new ArrayList<>();
        for (ExperimentSpec experiment : experiments) {
            Players players = RunInjector.create(new RunModule(experiment, registry, DataType.FLOAT, ParameterOwner.LOCKSTEP))
                    .getInstance(Players.class);
            lanes.add(new Lane(players, new MetricsRecorder(List.of(), Clock.systemUTC()), Evaluation.NONE));
        }
        return lanes;
    }

    private static ParallelLockstep lockstep(TrainSpec spec, List<Lane> lanes, int threads, long steps)
    {
        TrainSpec train = new TrainSpec(steps, spec.batchSize(), 1, spec.updates(), steps, steps);
        try {
            return ParallelLockstep.create(train, lanes, threads, TrainingListener.NONE, new StopSignal(), DataType.FLOAT);
        }
        catch (LockstepRefusedException e) {
            throw new InvalidInputException("this workload cannot train in lockstep: " + e.getMessage());
        }
    }
}
