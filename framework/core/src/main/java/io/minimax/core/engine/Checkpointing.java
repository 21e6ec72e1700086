package io.minimax.core.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Saving one run's state as the training loop goes, and taking it up again: the loop says when, the implementation
 * ({@code RunCheckpoints}) knows what and where. The loop hands over the optimizers' state, since it knows who steps
 * them: the run's own optimizers when it trains alone, one pass over every lane in a lockstep (whose state the loop
 * cuts into each lane's share, so that a lane saves what its run alone would).
 */
public interface Checkpointing
{
    Checkpointing NONE = new Checkpointing()
    {
        @Override
        public Restored restore()
        {
            return Restored.NOTHING;
        }

        @Override
        public void save(long step, List<INDArray> generatorOptimizer, List<INDArray> discriminatorOptimizer)
        {
        }
    };

    /** A checkpoint's step and its optimizers' saved states ({@link io.minimax.spi.optim.Optimizer#state()}). */
    record Restored(long step, List<INDArray> generatorOptimizer, List<INDArray> discriminatorOptimizer)
    {
        public static final Restored NOTHING = new Restored(0, List.of(), List.of());

        public Restored
        {
            generatorOptimizer = List.copyOf(requireNonNull(generatorOptimizer, "generatorOptimizer is null"));
            discriminatorOptimizer = List.copyOf(requireNonNull(discriminatorOptimizer, "discriminatorOptimizer is null"));
        }
    }

    /**
     * Puts the parameters and random-stream positions of the checkpoint the run resumes from in place; returns its
     * step and optimizer states, or {@link Restored#NOTHING} for a run that starts at step 0.
     */
    Restored restore();

    /** Saves the state after {@code step}, once the step's metrics are logged and its evaluation done. */
    void save(long step, List<INDArray> generatorOptimizer, List<INDArray> discriminatorOptimizer);
}
