package io.minimax.core.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set from another thread (Ctrl-C) to end the running training loop after the current step; the run ends KILLED. */
public final class StopSignal
{
    private final AtomicBoolean requested = new AtomicBoolean();

    public void request()
    {
        requested.set(true);
    }

    public boolean isRequested()
    {
        return requested.get();
    }
}
