package io.minimax.spi;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by a spec's canonical constructor with every problem it found, not just the first. */
public final class InvalidSpecException
        extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final List<SpecProblem> problems;

    public InvalidSpecException(List<SpecProblem> problems)
    {
        super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidSpecException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems()
    {
        return problems;
    }
}
