package io.minimax.core.run;

import com.google.inject.Injector;
import io.minimax.core.checkpoint.Checkpoint;
import io.minimax.core.checkpoint.ResumePoint;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.ParameterOwner;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.engine.TrainingResult;
import io.minimax.core.journal.RunJournal;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import io.minimax.core.wiring.RunServicesModule;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Continues one run, alone, in its own journal from a checkpoint ({@code minimax resume}): the journal goes back to
 * the checkpoint's step and to RUNNING, the run's injector is built from its resolved descriptor as at the start,
 * and its trainer restores the checkpoint before the next step. Only the journal records the continuation: other
 * trackers (MLflow) are not told of it.
 */
public final class RunResumer
{
    private final PluginRegistry registry;
    private final StopSignal stopSignal;
    private final Clock clock;

    public RunResumer(PluginRegistry registry, StopSignal stopSignal, Clock clock)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public RunOutcome resume(Path runDirectory, RunPlan plan, Checkpoint checkpoint, TrainingListener listener)
    {
        RunJournal journal = RunJournal.reopen(runDirectory, checkpoint.step(), clock);
        TrainingResult result = TrainingAttempt.train(listener, plan.runName(), plan.spec().train().steps(), 1, () -> {
            Injector injector = RunInjector.create(
                    new RunModule(plan.spec(), registry, DataType.FLOAT, ParameterOwner.RUN),
                    new RunServicesModule(journal.info(), List.of(journal), listener, stopSignal, clock,
                            new ResumePoint(Optional.of(checkpoint))));
            return List.of(injector.getInstance(Trainer.class).train());
        }).get(0);
        new RunEnding(result.status(), result.error()).endQuietly(journal);
        return new RunOutcome(plan, journal.info(), result, List.of());
    }
}
