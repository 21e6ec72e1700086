package io.minimax.core.descriptor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A descriptor that cannot be turned into runs, with every problem found in it (not just the first), one per line
 * as {@code path: message}. The message is meant for users as it is: callers print it without a stack trace.
 */
public final class DescriptorException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final List<DescriptorProblem> problems;

    public DescriptorException(List<DescriptorProblem> problems)
    {
        super(problems.stream().map(DescriptorProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a DescriptorException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<DescriptorProblem> problems()
    {
        return problems;
    }
}
