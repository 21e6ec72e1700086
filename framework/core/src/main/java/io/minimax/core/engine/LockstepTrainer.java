package io.minimax.core.engine;

import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.descriptor.UpdateRule;
import io.minimax.spi.network.Network;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.tracking.RunStatus;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.minimax.core.engine.TrainingFailure.checkFinite;
import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_LOSS;
import static io.minimax.core.engine.TrainingMetrics.GENERATOR_LOSS;
import static io.minimax.core.engine.TrainingMetrics.PENALTY;
import static java.util.Objects.requireNonNull;

/**
 * Algorithm 1 for R runs at once ({@code train.vectorizeSweep}): the runs of a sweep that share networks, optimizers
 * and training sizes, and differ in seed or loss, are the lanes of one computation. Their networks are stacked
 * ({@link Network#stack}): every lane's parameters and gradients live in one vector per player, so each update of
 * Algorithm 1 is one pass of one element-wise optimizer over all lanes. Between updates each lane computes its
 * gradients with the very steps a run uses alone ({@link DiscriminatorStep}, {@link GeneratorStep}: its own noise,
 * data and loss, gradient penalties included), one lane after another, so that a lane's working set stays in the
 * core's cache (running each layer for all lanes at once measured 15-27 % slower per run-step at 16 lanes).
 * Every lane computes exactly what its run computes alone.
 *
 * <p>Each lane logs to its own recorder and evaluates with its own evaluation. A lane whose loss stops being finite
 * ends FAILED at that step while the others go on (lanes share no numbers); a stop request ends all of them KILLED.
 * {@code stepMillis} is the lockstep step's time divided by the number of lanes: the cost of one run-step on the
 * thread that trains them. {@link ParallelLockstep} spreads the lanes over several threads.
 */
public final class LockstepTrainer
{
    /** One run of the lockstep: what it trains, and where its numbers go. */
    public record Lane(Players players, MetricsRecorder recorder, Evaluation evaluation)
    {
        public Lane
        {
            requireNonNull(players, "players is null");
            requireNonNull(recorder, "recorder is null");
            requireNonNull(evaluation, "evaluation is null");
        }
    }

    /** The lanes cannot be trained in lockstep; they can still be trained one by one. */
    public static final class NotStackableException
            extends Exception
    {
        NotStackableException(String message)
        {
            super(message);
        }
    }

    private final TrainSpec train;
    private final List<Lane> lanes;
    private final Network generator;
    private final Network discriminator;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final TrainingListener listener;
    private final StopSignal stopSignal;
    private final DiscriminatorStep[] discriminatorSteps;
    private final GeneratorStep[] generatorSteps;
    private final double[] discriminatorLosses;
    private final double[] generatorLosses;
    private final TrainingResult[] results;

    private LockstepTrainer(TrainSpec train, List<Lane> lanes, Network generator, Network discriminator, TrainingListener listener,
            StopSignal stopSignal, DataType dataType)
    {
        this.train = train;
        this.lanes = lanes;
        this.generator = generator;
        this.discriminator = discriminator;
        Players first = lanes.get(0).players();
        // Fresh instances that have not stepped: over the stacked vectors they update every lane as its own would.
        this.generatorOptimizer = first.generatorOptimizer();
        this.discriminatorOptimizer = first.discriminatorOptimizer();
        this.listener = listener;
        this.stopSignal = stopSignal;
        this.discriminatorSteps = new DiscriminatorStep[lanes.size()];
        this.generatorSteps = new GeneratorStep[lanes.size()];
        for (int lane = 0; lane < lanes.size(); lane++) {
            Players players = lanes.get(lane).players();
            Minibatch batch = new Minibatch(train.batchSize(), players.prior().dimension(), players.data().sampleShape(), dataType);
            discriminatorSteps[lane] = new DiscriminatorStep(players, batch);
            generatorSteps[lane] = new GeneratorStep(players, batch);
        }
        this.discriminatorLosses = new double[lanes.size()];
        this.generatorLosses = new double[lanes.size()];
        this.results = new TrainingResult[lanes.size()];
    }

    /**
     * Stacks the lanes' networks; the lanes' networks keep working alone afterwards (they become views of the
     * stacks), so after a {@link NotStackableException} they can be trained one by one as usual.
     *
     * @throws NotStackableException naming why these lanes cannot share one computation
     */
    public static LockstepTrainer create(TrainSpec train, List<Lane> lanes, TrainingListener listener, StopSignal stopSignal, DataType dataType)
            throws NotStackableException
    {
        requireNonNull(train, "train is null");
        List<Lane> laneList = List.copyOf(lanes);
        if (laneList.isEmpty()) {
            throw new NotStackableException("a lockstep needs at least one run");
        }
        List<Players> players = laneList.stream().map(Lane::players).toList();
        checkLanes(players);
        Network generator = players.get(0).generator().stack(players.stream().map(Players::generator).toList())
                .orElseThrow(() -> new NotStackableException("the generator " + players.get(0).generator() + " cannot be stacked"));
        Network discriminator = players.get(0).discriminator().stack(players.stream().map(Players::discriminator).toList())
                .orElseThrow(() -> new NotStackableException("the discriminator " + players.get(0).discriminator() + " cannot be stacked"));
        return new LockstepTrainer(train, laneList, generator, discriminator, requireNonNull(listener, "listener is null"),
                requireNonNull(stopSignal, "stopSignal is null"), requireNonNull(dataType, "dataType is null"));
    }

    static void checkLanes(List<Players> players)
            throws NotStackableException
    {
        Players first = players.get(0);
        for (Players lane : players) {
            if (!lane.generatorOptimizer().isElementwise() || !lane.discriminatorOptimizer().isElementwise()) {
                throw new NotStackableException("an optimizer that is not element-wise cannot update stacked parameters in one pass");
            }
            if (lane.prior().dimension() != first.prior().dimension() || !Arrays.equals(lane.data().sampleShape(), first.data().sampleShape())) {
                throw new NotStackableException("the runs' noise or sample shapes differ");
            }
        }
    }

    /** Trains every lane; returns their results in lane order. */
    public List<TrainingResult> train()
    {
        int k = train.discriminatorSteps();
        long step = 0;
        for (Lane lane : lanes) {
            Map<String, Double> initialScalars = StepMetrics.networkScalars(lane.players());
            if (!initialScalars.isEmpty()) {
                lane.recorder().record(0, initialScalars);
            }
        }
        long windowStart = System.nanoTime();
        while (step < train.steps() && anyRunning()) {
            if (stopSignal.isRequested()) {
                endRunning(RunStatus.KILLED, step, Optional.of("interrupted at step " + step));
                break;
            }
            if (train.updates() == UpdateRule.ALTERNATING) {
                for (int i = 0; i < k; i++) {
                    computeDiscriminatorGradients();
                    applyDiscriminatorGradients();
                }
                computeGeneratorGradients();
                applyGeneratorGradients();
            }
            else {
                for (int i = 1; i < k; i++) {
                    computeDiscriminatorGradients();
                    applyDiscriminatorGradients();
                }
                computeDiscriminatorGradients();
                computeGeneratorGradients();
                applyDiscriminatorGradients();
                applyGeneratorGradients();
            }
            step++;
            for (int lane = 0; lane < lanes.size(); lane++) {
                long done = step;
                int index = lane;
                ifRunning(lane, step, () -> {
                    checkFinite(DISCRIMINATOR_LOSS, discriminatorLosses[index], done);
                    checkFinite(GENERATOR_LOSS, generatorLosses[index], done);
                    checkFinite(PENALTY, discriminatorSteps[index].lastPenalty(), done);
                });
            }
            if (step % train.logEvery() == 0) {
                double millisPerRunStep = (System.nanoTime() - windowStart) / 1e6 / train.logEvery() / lanes.size();
                logStep(step, millisPerRunStep);
                windowStart = System.nanoTime();
            }
            if (step % train.evalEvery() == 0 || step == train.steps()) {
                boolean isFinal = step == train.steps();
                for (int lane = 0; lane < lanes.size(); lane++) {
                    Evaluation evaluation = lanes.get(lane).evaluation();
                    long done = step;
                    ifRunning(lane, step, () -> evaluation.evaluate(done, isFinal));
                }
                windowStart = System.nanoTime();
            }
        }
        endRunning(RunStatus.FINISHED, step, Optional.empty());
        return Arrays.asList(results.clone());
    }

    private void computeDiscriminatorGradients()
    {
        for (int lane = 0; lane < lanes.size(); lane++) {
            if (results[lane] == null) {
                discriminatorLosses[lane] = discriminatorSteps[lane].computeGradients();
            }
        }
    }

    private void applyDiscriminatorGradients()
    {
        discriminatorOptimizer.step(discriminator.parameters(), discriminator.gradients());
        for (Lane lane : lanes) {
            lane.players().loss().constrainDiscriminator(lane.players().discriminator().parameters());
        }
    }

    private void computeGeneratorGradients()
    {
        for (int lane = 0; lane < lanes.size(); lane++) {
            if (results[lane] == null) {
                generatorLosses[lane] = generatorSteps[lane].computeGradients();
            }
        }
    }

    private void applyGeneratorGradients()
    {
        generatorOptimizer.step(generator.parameters(), generator.gradients());
    }

    private void logStep(long step, double millisPerRunStep)
    {
        Map<String, Double> firstLogged = null;
        for (int lane = 0; lane < lanes.size(); lane++) {
            Lane running = lanes.get(lane);
            int index = lane;
            boolean logged = ifRunning(lane, step, () -> {
                DiscriminatorStep discriminatorStep = discriminatorSteps[index];
                Map<String, Double> values = StepMetrics.of(running.players(), discriminatorLosses[index], generatorLosses[index],
                        discriminatorStep.lastPenalty(), discriminatorStep.lastRealLogits(), discriminatorStep.lastFakeLogits(), millisPerRunStep);
                for (Map.Entry<String, Double> entry : values.entrySet()) {
                    checkFinite(entry.getKey(), entry.getValue(), step);
                }
                running.recorder().record(step, values);
            });
            if (logged && firstLogged == null) {
                firstLogged = running.recorder().lastValues();
            }
        }
        if (firstLogged != null) {
            listener.logged(step, firstLogged);
        }
    }

    /** Runs {@code action} for a lane that has not ended; a {@link TrainingFailure} ends it FAILED. */
    private boolean ifRunning(int lane, long step, Runnable action)
    {
        if (results[lane] != null) {
            return false;
        }
        try {
            action.run();
            return true;
        }
        catch (TrainingFailure failure) {
            results[lane] = new TrainingResult(RunStatus.FAILED, step, lanes.get(lane).recorder().lastValues(), Optional.of(failure.getMessage()));
            return false;
        }
    }

    private boolean anyRunning()
    {
        return Arrays.stream(results).anyMatch(result -> result == null);
    }

    private void endRunning(RunStatus status, long step, Optional<String> error)
    {
        for (int lane = 0; lane < lanes.size(); lane++) {
            if (results[lane] == null) {
                results[lane] = new TrainingResult(status, step, lanes.get(lane).recorder().lastValues(), error);
            }
        }
    }
}
