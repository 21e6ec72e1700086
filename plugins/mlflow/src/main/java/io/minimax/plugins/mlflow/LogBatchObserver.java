package io.minimax.plugins.mlflow;

import java.util.Optional;

/**
 * Told of every {@code log-batch} request of metrics a tracker makes, after its answer: what {@code minimax bench
 * tracking-load} counts to say what one server accepts. Called on the tracker's own thread; must be quick and thread-safe.
 */
public interface LogBatchObserver
{
    LogBatchObserver NONE = (points, nanos, failure) -> {};

    /**
     * @param points metrics in the request
     * @param nanos from sending the request to its answer or failure, without making the request's JSON
     * @param failure why the request failed (not answered 2xx), as the tracker reports it; empty when accepted
     */
    void sent(int points, long nanos, Optional<String> failure);
}
