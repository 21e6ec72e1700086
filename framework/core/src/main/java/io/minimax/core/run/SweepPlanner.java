package io.minimax.core.run;

import io.minimax.core.descriptor.ExperimentPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The order in which a plan's runs train, and which train together: the plan's order, one run at a time, unless
 * {@code train.vectorizeSweep} groups a sweep's runs into lockstep groups ({@link LockstepGroups}), each trained where
 * its first run would be. A single run ignores the switch, with a warning.
 */
public final class SweepPlanner
{
    private static final Logger log = LoggerFactory.getLogger(SweepPlanner.class);

    private SweepPlanner() {}

    /** The plan positions of each group, in training order; a group of one run trains alone. */
    public static List<List<Integer>> groups(ExperimentPlan plan)
    {
        boolean vectorize = plan.runs().get(0).spec().train().vectorizeSweep();
        if (vectorize && !plan.isSweep()) {
            log.warn("train.vectorizeSweep has no effect on a single run: it trains the runs of a sweep together");
        }
        if (vectorize && plan.isSweep()) {
            return LockstepGroups.of(plan.runs());
        }
        return IntStream.range(0, plan.runs().size()).mapToObj(List::of).toList();
    }
}
