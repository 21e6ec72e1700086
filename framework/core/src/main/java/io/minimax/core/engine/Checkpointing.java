package io.minimax.core.engine;

/**
 * Saving a run's state as the training loop goes, and taking it up again: the loop says when, the implementation
 * ({@code RunCheckpoints}) knows what and where. A lockstep's lanes are not checkpointed ({@link #NONE}).
 */
public interface Checkpointing
{
    Checkpointing NONE = new Checkpointing()
    {
        @Override
        public long restore()
        {
            return 0;
        }

        @Override
        public void save(long step)
        {
        }
    };

    /** Restores the state of the checkpoint the run resumes from; returns its step, or 0 for a run that starts afresh. */
    long restore();

    /** Saves the state after {@code step}, once the step's metrics are logged and its evaluation done. */
    void save(long step);
}
