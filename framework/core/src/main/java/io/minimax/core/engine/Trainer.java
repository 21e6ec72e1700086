package io.minimax.core.engine;

import io.minimax.core.descriptor.TrainSpec;
import jakarta.inject.Inject;
import org.nd4j.linalg.api.buffer.DataType;

import static java.util.Objects.requireNonNull;

/**
 * One run's training, as its injector wires it: {@link #train()} trains it alone, as the one lane of a
 * {@link TrainingLoop}; {@link #lane()} hands it to a lockstep instead.
 */
public final class Trainer
{
    private final TrainSpec train;
    private final Lane lane;
    private final TrainingListener listener;
    private final StopSignal stopSignal;
    private final DataType dataType;

    /** A training that saves no checkpoints (benchmarks). */
    public Trainer(TrainSpec train, Players players, MetricsRecorder recorder, Evaluation evaluation,
            TrainingListener listener, StopSignal stopSignal, DataType dataType)
    {
        this(train, players, recorder, evaluation, listener, stopSignal, dataType, Checkpointing.NONE);
    }

    @Inject
    public Trainer(TrainSpec train, Players players, MetricsRecorder recorder, Evaluation evaluation,
            TrainingListener listener, StopSignal stopSignal, DataType dataType, Checkpointing checkpointing)
    {
        this.train = requireNonNull(train, "train is null");
        this.lane = new Lane(players, recorder, evaluation, checkpointing);
        this.listener = requireNonNull(listener, "listener is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
        this.dataType = requireNonNull(dataType, "dataType is null");
    }

    public Lane lane()
    {
        return lane;
    }

    public TrainingResult train()
    {
        return TrainingLoop.alone(train, lane, listener, stopSignal, dataType).train().get(0);
    }
}
