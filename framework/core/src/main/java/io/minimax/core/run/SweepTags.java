package io.minimax.core.run;

/**
 * The tags by which Minimax marks the runs of a sweep and its parent run, in the journal and in any tracker's store:
 * they let {@code minimax sync} group the runs again and a tracker whose store nests runs recognise the parent.
 */
public final class SweepTags
{
    /** On every run of a sweep and on its parent: the sweep's id, 32 lowercase hex digits. */
    public static final String SWEEP_ID = "minimax.sweepId";
    /** On every run of a sweep and on its parent: the sweep as written, one {@code path: [values]} per line. */
    public static final String DEFINITION = "minimax.sweepDefinition";
    /** On every run of a sweep: how many runs the sweep has, started or not. */
    public static final String SIZE = "minimax.sweepSize";
    /** On a sweep's parent run: {@value #SWEEP_ROLE}. */
    public static final String ROLE = "minimax.role";
    public static final String SWEEP_ROLE = "sweep";
    /**
     * On a sweep's parent run when the sweep was planned ahead ({@code minimax submit}): {@code true}. Its tasks, each a
     * process of its own, nest their runs under the parent made at planning instead of making one, and leave its end to
     * whoever finds every task ended.
     */
    public static final String PLANNED = "minimax.sweepPlanned";
    /** Prefix of the tags that hold one run's sweep values, e.g. {@code minimax.sweep.loss.type} = {@code minimax}. */
    public static final String VALUE_PREFIX = "minimax.sweep.";

    private SweepTags() {}
}
