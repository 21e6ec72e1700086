package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minimax.core.descriptor.Sweep.Axis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One run of a sweep: a value chosen for each axis. */
final class SweepCombination
{
    private final List<Axis> axes;
    private final int[] indices;

    SweepCombination(List<Axis> axes, int[] indices)
    {
        this.axes = List.copyOf(axes);
        this.indices = indices.clone();
    }

    /** A copy of {@code base} with this combination's values set; problems setting them are recorded. */
    ObjectNode applyTo(ObjectNode base, Problems problems)
    {
        ObjectNode tree = base.deepCopy();
        for (int axis = 0; axis < axes.size(); axis++) {
            Axis current = axes.get(axis);
            Optional<String> failure = current.path().set(tree, value(axis).deepCopy());
            int index = indices[axis];
            failure.ifPresent(message -> problems.add(label(current, index), message));
        }
        return tree;
    }

    /** Path → value as text, in sweep order: the run's label and sweep parameters. */
    Map<String, String> values()
    {
        Map<String, String> values = new LinkedHashMap<>();
        for (int axis = 0; axis < axes.size(); axis++) {
            values.put(axes.get(axis).path().text(), NodeText.plain(value(axis)));
        }
        return values;
    }

    /**
     * Says which sweep value a problem of this combination comes from. A problem at or under a swept path is moved
     * to {@code sweep.<path>[i]}: {@code loss.type: unknown loss 'foo'} → {@code sweep.loss.type[1]: unknown loss 'foo'}.
     * A problem inside a section whose type this combination chose is put under that type's value, keeping its own
     * path in the message: {@code sweep.loss.type[0]: loss.smoothing: unknown key ...}. Any other problem is the
     * descriptor's own, the same in every combination, and is kept as it is.
     */
    DescriptorProblem attribute(DescriptorProblem problem)
    {
        String path = problem.path();
        for (int axis = axes.size() - 1; axis >= 0; axis--) {
            String sweptPath = axes.get(axis).path().text();
            if (isAtOrUnder(path, sweptPath)) {
                return new DescriptorProblem(label(axes.get(axis), indices[axis]) + path.substring(sweptPath.length()), problem.message());
            }
        }
        for (int axis = axes.size() - 1; axis >= 0; axis--) {
            Optional<String> section = axes.get(axis).typedSection();
            if (section.isPresent() && isAtOrUnder(path, section.get())) {
                return new DescriptorProblem(label(axes.get(axis), indices[axis]), problem.toString());
            }
        }
        return problem;
    }

    private JsonNode value(int axis)
    {
        return axes.get(axis).values().get(indices[axis]);
    }

    private static String label(Axis axis, int index)
    {
        return "sweep." + axis.path().text() + "[" + index + "]";
    }

    private static boolean isAtOrUnder(String path, String ancestor)
    {
        return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }
}
