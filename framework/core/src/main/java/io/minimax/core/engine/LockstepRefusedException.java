package io.minimax.core.engine;

/** Runs that cannot be trained in lockstep; they can still be trained one by one. The message says why. */
public final class LockstepRefusedException
        extends Exception
{
    private static final long serialVersionUID = 1L;

    LockstepRefusedException(String message)
    {
        super(message);
    }
}
