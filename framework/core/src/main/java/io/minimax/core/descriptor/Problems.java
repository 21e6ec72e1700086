package io.minimax.core.descriptor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one descriptor in the order they are found. The same problem found twice (a sweep
 * combination repeats every problem that is not its own) is kept once.
 */
final class Problems
{
    private final Set<DescriptorProblem> problems = new LinkedHashSet<>();
    private int recorded;

    void add(DescriptorProblem problem)
    {
        problems.add(problem);
        recorded++;
    }

    void add(String path, String message)
    {
        add(new DescriptorProblem(path, message));
    }

    boolean isEmpty()
    {
        return problems.isEmpty();
    }

    /** A mark to compare with later, to tell whether a step found problems of its own (repeats included). */
    int count()
    {
        return recorded;
    }

    List<DescriptorProblem> list()
    {
        return List.copyOf(problems);
    }

    void throwIfAny()
    {
        if (!problems.isEmpty()) {
            throw new DescriptorException(list());
        }
    }

    /** {@code train} + {@code steps} → {@code train.steps}; a field such as {@code [1]} or {@code hidden[1]} is appended as is. */
    static String join(String parent, String field)
    {
        if (parent.isEmpty()) {
            return field;
        }
        if (field.isEmpty()) {
            return parent;
        }
        return field.startsWith("[") ? parent + field : parent + "." + field;
    }
}
