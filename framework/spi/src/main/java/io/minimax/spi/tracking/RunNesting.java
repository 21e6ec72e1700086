package io.minimax.spi.tracking;

import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;

/**
 * What a tracker factory offers when its store nests runs under a parent run. For each {@code minimax run} of a sweep
 * whose runs all select the same tracker, the framework creates one parent tracker with the factory's
 * {@link TrackerFactory#create create}, starts it before the first run and ends it after the last; each run of the
 * sweep gets its tracker from {@link #createChild}.
 * <p>
 * The parent's {@link Tracker#runStarted} receives a {@link RunInfo} whose id is the sweep's id (every run of the
 * sweep carries it in a tag), whose name is the experiment's, and whose directory is the experiment's journal
 * folder; its tags describe the sweep and mark the run as a sweep's parent. The parent gets no metrics from the
 * framework: what it shows about its runs (say the mean and spread over seeds) is the tracker's to compute from its
 * children. Its {@link Tracker#runEnded} says FINISHED when every run finished, FAILED when one failed, KILLED after
 * Ctrl-C.
 */
@FunctionalInterface
public interface RunNesting<S extends PluginSpec>
{
    /** @param parent a tracker the factory's {@code create} returned for the sweep, already started */
    Tracker createChild(S spec, PluginContext context, Tracker parent);
}
