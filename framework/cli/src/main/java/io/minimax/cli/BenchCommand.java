package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.Players;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.platform.BlasPlatform;
import io.minimax.core.platform.Reproducibility;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code minimax bench toy|image-mlp|dcgan}: ms per training step (k = 1: one discriminator and one generator update) of a
 * fixed {@link BenchWorkload}, through the same engine and plugins a run uses, without journal or plots.
 */
@Command(name = "bench", description = "Measure ms per training step of a fixed workload.")
final class BenchCommand
        implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "WORKLOAD",
            description = "The workload: tracking-load (N simulated runs streaming to --tracking-uri: what one MLflow server accepts), "
                    + "toy (W1: G 8-128-128-2, D 2-128-128-1 on the ring of 8), image-mlp (W2: G 64-256-512-784, D "
                    + "784-512-256-1 on 784-dimensional uniform noise) or dcgan (W4: the DCGAN of the dcgan networks on 28x28 noise "
                    + "images; also prints GFLOP/s).")
    String workloadName;

    @Option(names = "--batch", description = "Minibatch size m (default: the workload's, 64).")
    Integer batchSize;

    @Option(names = "--steps", description = "Timed steps per repeat (default: the workload's, 1000; dcgan 30).")
    Integer steps;

    @Option(names = "--warmup", description = "Untimed steps first (default: the workload's, 200; dcgan 5), and more until the JIT "
            + "compiler is idle, so that the timed steps run compiled code.")
    Integer warmupSteps;

    @Option(names = "--repeats", defaultValue = "3",
            description = "Timed repeats; best and median are reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON (msPerStep = median).")
    Path json;

    @Option(names = "--tracking-uri", paramLabel = "URI",
            description = "Also measure with metrics journaled and streamed to this MLflow server, side by side with journal only "
                    + "(logEvery 10).")
    String trackingUri;

    @Option(names = "--journal", description = "Measure the journal's cost: no tracking and journaling (logEvery 10) side by side.")
    boolean journal;

    @Option(names = "--lanes", paramLabel = "N",
            description = "W3: train N seeds of the workload in lockstep (train.vectorizeSweep) and report ms per run-step (default: 1, a "
                    + "single run).")
    int lanes = 1;

    @Option(names = "--threads", paramLabel = "T",
            description = "With --lanes: split the lanes over T threads (default: 1).")
    int threads = 1;

    @Option(names = "--runs", paramLabel = "N[,N...]", split = ",",
            description = "tracking-load: how many runs stream at once, one level per number (default: 1,8,32,128).")
    List<Integer> loadRuns = List.of(1, 8, 32, 128);

    @Option(names = "--duration", paramLabel = "S",
            description = "tracking-load: seconds measured per level, after the ramp (default: ${DEFAULT-VALUE}).")
    int duration = 30;

    @Option(names = "--ramp", paramLabel = "S",
            description = "tracking-load: seconds over which the runs of a level start, one by one (default: ${DEFAULT-VALUE}).")
    int ramp = 10;

    @Option(names = "--rate", paramLabel = "POINTS",
            description = "tracking-load: metric points per second each run logs (default: measured, a toy run at logEvery 10).")
    Double rate;

    @Option(names = "--reproducibility", paramLabel = "MODE", defaultValue = "fastest",
            description = "BLAS kernel: fastest (for this CPU) or portable (HASWELL, the same digits everywhere); default: "
                    + "${DEFAULT-VALUE}.")
    String reproducibility;

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        boolean trackingLoad = BenchTrackingLoad.WORKLOAD.equals(workloadName);
        if (trackingLoad && (trackingUri == null || duration <= 0 || ramp < 0 || loadRuns.stream().anyMatch(runs -> runs <= 0)
                || rate != null && !(rate > 0 && rate < Double.POSITIVE_INFINITY))) {
            throw new InvalidInputException("tracking-load needs --tracking-uri; --runs, --duration and --rate must be > 0, --ramp >= 0");
        }
        // the load is the toy workload's: its params, and the rate at which it logs
        BenchWorkload workload = trackingLoad ? BenchWorkload.TOY : BenchWorkload.named(workloadName);
        int batch = batchSize == null ? workload.defaultBatch() : batchSize;
        int steps = this.steps == null ? workload.defaultSteps() : this.steps;
        int warmupSteps = this.warmupSteps == null ? workload.defaultWarmup() : this.warmupSteps;
        if (batch <= 0 || steps <= 0 || warmupSteps < 0 || repeats <= 0) {
            throw new InvalidInputException("--batch, --steps and --repeats must be > 0 and --warmup >= 0");
        }
        if (lanes <= 0 || threads <= 0 || lanes > 1 && trackingUri != null) {
            throw new InvalidInputException("--lanes and --threads must be > 0, and --lanes does not combine with --tracking-uri");
        }
        Reproducibility mode = Reproducibility.fromKey(reproducibility).orElseThrow(() -> new InvalidInputException(
                "--reproducibility: unknown mode '" + reproducibility + "' (known: " + String.join(", ", Reproducibility.KEYS) + ")"));
        try {
            BlasPlatform.install(mode);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        PluginRegistry registry = pluginOptions.registry();
        if (lanes > 1) {
            return BenchLockstep.measure(workload, registry, batch, lanes, threads, steps, warmupSteps, repeats, json,
                    spec.commandLine().getOut());
        }
        RunPlan plan = new DescriptorLoader(registry)
                .parse(workload.descriptor(), workload.runName(), false, List.of("train.batchSize=" + batch))
                .runs().get(0);
        ExperimentSpec experiment = plan.spec();
        Players players = RunInjector.create(new RunModule(experiment, registry, DataType.FLOAT)).getInstance(Players.class);
        PrintWriter out = spec.commandLine().getOut();
        if (trackingLoad) {
            return BenchTrackingLoad.measure(players, experiment, plan.params(), trackingUri, loadRuns, ramp, duration,
                    Optional.ofNullable(rate), json, out);
        }
        if (journal) {
            return BenchTracking.journalCost(workload, players, experiment, steps, warmupSteps, repeats, json, out);
        }
        if (trackingUri != null) {
            return BenchTracking.compare(workload, players, experiment, trackingUri, steps, warmupSteps, repeats, json, out);
        }

        long warmedUp = JitWarmup.run(warmupSteps, count -> trainer(players, experiment, count).train());
        double[] millisPerStep = new double[repeats];
        for (int repeat = 0; repeat < repeats; repeat++) {
            long start = System.nanoTime();
            trainer(players, experiment, steps).train();
            millisPerStep[repeat] = (System.nanoTime() - start) / 1e6 / steps;
        }
        double[] sorted = millisPerStep.clone();
        Arrays.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", workload.workloadName());
        result.put("batch", batch);
        result.put("steps", steps);
        result.put("warmupSteps", warmedUp);
        result.put("repeats", repeats);
        result.put("threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        result.put("msPerStep", sorted[sorted.length / 2]);
        result.put("bestMsPerStep", sorted[0]);
        result.put("allMsPerStep", millisPerStep);
        String throughput = "";
        if (workload.flopsPerSample() > 0) {
            double gflopPerStep = workload.flopsPerSample() * (double) batch / 1e9;
            result.put("gflopPerStep", gflopPerStep);
            result.put("gflopPerSecond", gflopPerStep / (sorted[sorted.length / 2] / 1e3));
            throughput = String.format(" = %.1f GFLOP/s of products (%.2f GFLOP/step)", gflopPerStep / (sorted[sorted.length / 2] / 1e3),
                    gflopPerStep);
        }

        out.printf("bench %s: batch %d, %d steps x %d repeats: median %.3f ms/step%s, best %.3f ms/step (OMP_NUM_THREADS=%s, BLAS "
                + "kernel %s)%n",
                workload.workloadName(), batch, steps, repeats, sorted[sorted.length / 2], throughput, sorted[0], result.get("threads"),
                BlasPlatform.loaded().summary());
        out.flush();
        BenchJson.write(json, result);
        return Main.SUCCESS;
    }

    private static Trainer trainer(Players players, ExperimentSpec experiment, long steps)
    {
        TrainSpec train = new TrainSpec(steps, experiment.train().batchSize(), 1, experiment.train().updates(), steps, steps);
        return new Trainer(train, players, new MetricsRecorder(List.of(), Clock.systemUTC()), Evaluation.NONE,
                TrainingListener.NONE, new StopSignal(), DataType.FLOAT);
    }
}
