package io.minimax.spi.tracking;

import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;

/**
 * A tracker factory whose store nests runs, as MLflow does. For each {@code minimax run} of a sweep the framework
 * creates one parent tracker with {@link #create}, starts it before the first run and ends it after the last; each
 * run of the sweep gets its tracker from {@link #createChild}.
 * <p>
 * The parent's {@link Tracker#runStarted} receives a {@link RunInfo} whose id is the sweep's id (the tag
 * {@value #SWEEP_ID_TAG} of every run of the sweep), whose name is the experiment's, and whose directory is the
 * experiment's journal folder; its tags name the sweep ({@value #SWEEP_TAG}) and carry {@value #ROLE_TAG} =
 * {@value #SWEEP_ROLE}. The parent gets no metrics from the framework: what it shows about its runs (MLflow: the mean
 * and spread over seeds) is the tracker's to compute from its children. Its {@link Tracker#runEnded} says FINISHED
 * when every run finished, FAILED when one failed, KILLED after Ctrl-C.
 */
public interface NestingTrackerFactory<S extends PluginSpec>
        extends TrackerFactory<S>
{
    /** On every run of a sweep and on its parent: the sweep's id, 32 lowercase hex digits. */
    String SWEEP_ID_TAG = "minimax.sweepId";
    /** On every run of a sweep and on its parent: the sweep as written, one {@code path: [values]} per line. */
    String SWEEP_TAG = "minimax.sweepDefinition";
    /** On every run of a sweep: how many runs the sweep has, started or not. */
    String SWEEP_SIZE_TAG = "minimax.sweepSize";
    String ROLE_TAG = "minimax.role";
    String SWEEP_ROLE = "sweep";
    /** Prefix of the tags that hold one run's sweep values, e.g. {@code minimax.sweep.loss.type} = {@code minimax}. */
    String SWEEP_VALUE_TAG_PREFIX = "minimax.sweep.";

    /** @param parent a tracker this factory's {@link #create} returned for the sweep, already started */
    Tracker createChild(S spec, PluginContext context, Tracker parent);
}
