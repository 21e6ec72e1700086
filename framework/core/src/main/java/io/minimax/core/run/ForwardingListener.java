package io.minimax.core.run;

import io.minimax.core.engine.TrainingListener;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The listener a run's injector hands its trainer, set once the runner knows who watches: the lockstep's listener,
 * or the run's own when it trains alone after all.
 */
final class ForwardingListener
        implements TrainingListener
{
    private TrainingListener delegate = TrainingListener.NONE;

    ForwardingListener watchedBy(TrainingListener listener)
    {
        this.delegate = requireNonNull(listener, "listener is null");
        return this;
    }

    @Override
    public void started(String runName, long totalSteps)
    {
        delegate.started(runName, totalSteps);
    }

    @Override
    public void logged(long step, Map<String, Double> values)
    {
        delegate.logged(step, values);
    }

    @Override
    public void finished()
    {
        delegate.finished();
    }
}
