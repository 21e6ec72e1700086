package io.minimax.core.engine;

/** Runs that cannot be trained in lockstep; they can still be trained one by one. The message says why. */
public final class NotStackableException
        extends Exception
{
    private static final long serialVersionUID = 1L;

    NotStackableException(String message)
    {
        super(message);
    }
}
