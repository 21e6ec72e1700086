package io.minimax.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import io.minimax.core.checkpoint.ResumePoint;
import io.minimax.core.checkpoint.RunCheckpoints;
import io.minimax.core.engine.Checkpointing;
import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.evaluation.SampleEvaluation;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.Tracker;

import java.time.Clock;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The framework services of one run: its identity, where it records, who watches its progress, how it is stopped. */
public final class RunServicesModule
        extends AbstractModule
{
    private final RunInfo run;
    private final List<Tracker> trackers;
    private final TrainingListener listener;
    private final StopSignal stopSignal;
    private final Clock clock;
    private final ResumePoint resumePoint;

    public RunServicesModule(RunInfo run, List<Tracker> trackers, TrainingListener listener, StopSignal stopSignal, Clock clock)
    {
        this(run, trackers, listener, stopSignal, clock, ResumePoint.NONE);
    }

    /** A run that resumes from {@code resumePoint}'s checkpoint, when it has one. */
    public RunServicesModule(RunInfo run, List<Tracker> trackers, TrainingListener listener, StopSignal stopSignal, Clock clock,
            ResumePoint resumePoint)
    {
        this.resumePoint = requireNonNull(resumePoint, "resumePoint is null");
        this.run = requireNonNull(run, "run is null");
        this.trackers = List.copyOf(requireNonNull(trackers, "trackers is null"));
        this.listener = requireNonNull(listener, "listener is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    protected void configure()
    {
        bind(RunInfo.class).toInstance(run);
        bind(new TypeLiteral<List<Tracker>>() {}).toInstance(trackers);
        bind(TrainingListener.class).toInstance(listener);
        bind(StopSignal.class).toInstance(stopSignal);
        bind(Clock.class).toInstance(clock);
        bind(Evaluation.class).to(SampleEvaluation.class);
        bind(SampleEvaluation.class);
        bind(Trainer.class);
        bind(ResumePoint.class).toInstance(resumePoint);
        bind(Checkpointing.class).to(RunCheckpoints.class);
        bind(RunCheckpoints.class);
    }

    @Provides
    @Singleton
    MetricsRecorder metricsRecorder()
    {
        return new MetricsRecorder(trackers, clock, resumePoint.retrained());
    }
}
