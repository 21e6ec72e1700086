package io.minimax.core.run;

import com.google.inject.Injector;
import io.minimax.core.checkpoint.ResumePoint;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.Lane;
import io.minimax.core.engine.ParameterOwner;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.engine.TrainingResult;
import io.minimax.core.journal.RunJournal;
import io.minimax.core.journal.RunMirrors;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import io.minimax.core.wiring.RunServicesModule;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.Tracker;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run from its start to its end: its journal and trackers (opened by {@link RunSessions}), its injector, and
 * its closing, which tells every tracker how the run ended and remembers where it was mirrored.
 */
final class RunSession
{
    private static final Logger log = LoggerFactory.getLogger(RunSession.class);

    private final RunPlan plan;
    private final int index;
    private final RunJournal journal;
    private final List<Tracker> trackers;
    private final Optional<RuntimeException> startFailure;
    private final PluginRegistry registry;
    private final StopSignal stopSignal;
    private final Clock clock;
    private final ResumePoint resumePoint;
    // what the run's injector hands its trainer: the lockstep's listener, or the run's own when trained alone
    private final ForwardingListener listener = new ForwardingListener();
    private Trainer trainer;

    RunSession(RunPlan plan, int index, RunJournal journal, List<Tracker> trackers, Optional<RuntimeException> startFailure,
            PluginRegistry registry, StopSignal stopSignal, Clock clock, ResumePoint resumePoint)
    {
        this.resumePoint = resumePoint;
        this.plan = plan;
        this.index = index;
        this.journal = journal;
        this.trackers = List.copyOf(trackers);
        this.startFailure = startFailure;
        this.registry = registry;
        this.stopSignal = stopSignal;
        this.clock = clock;
    }

    RunPlan plan()
    {
        return plan;
    }

    /** The step the run takes up training after: its checkpoint's, or 0. */
    long resumeStep()
    {
        return resumePoint.step();
    }

    /** The run's position in the plan. */
    int index()
    {
        return index;
    }

    /**
     * The run as a lane of a lockstep, watched by {@code watcher}: its networks get their vectors from the lockstep
     * ({@link ParameterOwner#LOCKSTEP}).
     */
    Lane lane(TrainingListener watcher)
    {
        return trainer(watcher, ParameterOwner.LOCKSTEP).lane();
    }

    /**
     * Trains the run alone, watched by {@code watcher}: with vectors of its own, or, when a lockstep has wired it
     * already and then could not train it, on the slices that lockstep handed out.
     */
    TrainingResult trainAlone(TrainingListener watcher)
    {
        return TrainingAttempt.train(watcher, plan.runName(), plan.spec().train().steps(), 1,
                () -> List.of(trainer(watcher, ParameterOwner.RUN).train())).get(0);
    }

    /** The run's trainer, from its injector (made on first use: one {@code getInstance} per run), now watched by {@code watcher}. */
    private Trainer trainer(TrainingListener watcher, ParameterOwner parameterOwner)
    {
        listener.watchedBy(watcher);
        if (startFailure.isPresent()) {
            throw startFailure.get();
        }
        if (trainer == null) {
            Injector injector = RunInjector.create(
                    new RunModule(plan.spec(), registry, DataType.FLOAT, parameterOwner),
                    new RunServicesModule(journal.info(), trackers, listener, stopSignal, clock, resumePoint));
            trainer = injector.getInstance(Trainer.class);
        }
        return trainer;
    }

    RunOutcome close(TrainingResult result)
    {
        List<MirroredRun> mirrors = new ArrayList<>();
        for (Tracker tracker : trackers) {
            new RunEnding(result.status(), result.error()).endQuietly(tracker);
            tracker.mirroredRun().ifPresent(mirror -> {
                mirrors.add(mirror);
                try {
                    RunMirrors.remember(journal.info().directory(), mirror);
                }
                catch (UncheckedIOException e) {
                    // only costs a search by run id at the next sync
                    log.warn("{} ({})", e.getMessage(), e.getCause().getMessage());
                }
            });
        }
        resumePoint.retrained().differences().ifPresent(differences -> log.warn("run {}: {}; a store that cannot delete points"
                + " (MLflow) keeps both", journal.info().name(), differences));
        return new RunOutcome(plan, journal.info(), result, mirrors);
    }
}
