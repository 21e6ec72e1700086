package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentPlan;

import java.util.Map;
import java.util.Optional;

/**
 * {@code MINIMAX_LOCKSTEP_THREADS}: the number of threads of a lockstep ({@code train.threads}) when the descriptor
 * does not say, as the benchmarks set it. A value that is not a count from 1 to 9999 is ignored.
 */
final class LockstepThreadsVariable
{
    static final String ENVIRONMENT_VARIABLE = "MINIMAX_LOCKSTEP_THREADS";

    private LockstepThreadsVariable() {}

    /** A {@code --set train.threads=N} override from the variable, unless the plan's descriptor writes the key. */
    static Optional<String> override(ExperimentPlan plan, Map<String, String> environment)
    {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured == null || !configured.matches("[1-9][0-9]{0,3}") || plan.runs().get(0).params().containsKey("train.threads")) {
            return Optional.empty();
        }
        return Optional.of("train.threads=" + configured);
    }
}
