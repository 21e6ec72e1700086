package io.minimax.core.engine;

/** A run that cannot go on, e.g. a loss became NaN; the message says where and which quantity. */
public final class TrainingFailure
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public TrainingFailure(String message)
    {
        super(message);
    }
}
