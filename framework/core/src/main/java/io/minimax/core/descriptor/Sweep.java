package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minimax.core.descriptor.DescriptorPath.Key;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code sweep:} section: dotted path → list of values, expanded to the cartesian product in the order written
 * (the first path varies slowest). A path must name a field of the descriptor or a plugin section's {@code type}.
 *
 * <p>Sweeping a section's {@code type} keeps the section's other keys and validates them against each swept type,
 * so a key that only one of the types accepts is an error in the combinations with the others. To compare types
 * with different parameters, sweep the whole section instead: {@code loss: [{type: a}, {type: b, margin: 1}]}.
 */
final class Sweep
{
    /** More runs than anyone means to start from one file; most likely a sweep written wrong. */
    static final int MAX_COMBINATIONS = 10_000;

    record Axis(DescriptorPath path, List<JsonNode> values)
    {
        Axis
        {
            values = List.copyOf(values);
        }

        /** For {@code loss.type}, the section {@code loss}; empty when the axis does not sweep a type. */
        Optional<String> typedSection()
        {
            List<DescriptorPath.Segment> segments = path.segments();
            if (segments.size() >= 2 && segments.get(segments.size() - 1).equals(new Key(DescriptorSchema.TYPE))) {
                return Optional.of(path.prefix(segments.size() - 1));
            }
            return Optional.empty();
        }
    }

    private final List<Axis> axes;

    private Sweep(List<Axis> axes)
    {
        this.axes = List.copyOf(axes);
    }

    static Sweep none()
    {
        return new Sweep(List.of());
    }

    /** Empty when the section is not a valid sweep; the problems are recorded. */
    static Optional<Sweep> read(JsonNode section, ObjectNode root, DescriptorSchema schema, Problems problems)
    {
        if (section == null || section.isNull()) {
            return Optional.of(none());
        }
        if (!section.isObject()) {
            problems.add("sweep", "expected a mapping of paths to lists of values, got " + NodeText.describe(section));
            return Optional.empty();
        }
        int mark = problems.count();
        List<Axis> axes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = section.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            readAxis(entry.getKey(), entry.getValue(), problems).ifPresent(axes::add);
        }
        Map<String, Set<String>> sweptTypes = new LinkedHashMap<>();
        for (Axis axis : axes) {
            axis.typedSection().ifPresent(sectionPath -> axis.values().stream()
                    .filter(JsonNode::isTextual)
                    .forEach(value -> sweptTypes.computeIfAbsent(sectionPath, ignored -> new LinkedHashSet<>()).add(value.textValue())));
        }
        long combinations = 1;
        for (Axis axis : axes) {
            String path = "sweep." + axis.path().text();
            if (axis.path().segments().equals(List.of(new Key("name")))) {
                problems.add(path, "the experiment name cannot be swept: the runs of a sweep share it");
                continue;
            }
            schema.check(axis.path(), root, sweptTypes).ifPresent(message -> problems.add(path, message));
            combinations = Math.min(combinations * axis.values().size(), Integer.MAX_VALUE);
        }
        if (combinations > MAX_COMBINATIONS) {
            problems.add("sweep", combinations + " combinations, more than the limit of " + MAX_COMBINATIONS);
        }
        return problems.count() > mark ? Optional.empty() : Optional.of(new Sweep(axes));
    }

    private static Optional<Axis> readAxis(String pathText, JsonNode values, Problems problems)
    {
        String path = "sweep." + pathText;
        Optional<DescriptorPath> parsed = DescriptorPath.parse(pathText);
        if (parsed.isEmpty()) {
            problems.add(path, "not a path: expected keys joined by '.', e.g. loss.type or metrics[0].threshold");
            return Optional.empty();
        }
        if (!values.isArray()) {
            problems.add(path, "expected a list of values, got " + NodeText.describe(values));
            return Optional.empty();
        }
        if (values.isEmpty()) {
            problems.add(path, "the list of values is empty");
            return Optional.empty();
        }
        List<JsonNode> list = new ArrayList<>();
        values.forEach(list::add);
        for (int index = 0; index < list.size(); index++) {
            if (list.get(index).isNull()) {
                problems.add(path + "[" + index + "]", "must not be null");
                return Optional.empty();
            }
        }
        return Optional.of(new Axis(parsed.get(), list));
    }

    boolean isEmpty()
    {
        return axes.isEmpty();
    }

    /** Path → values as text, in the order written; empty without a sweep. */
    Map<String, List<String>> definition()
    {
        Map<String, List<String>> definition = new LinkedHashMap<>();
        for (Axis axis : axes) {
            definition.put(axis.path().text(), axis.values().stream().map(NodeText::plain).toList());
        }
        return definition;
    }

    /** Every combination, the first axis varying slowest; a single empty combination without a sweep. */
    List<SweepCombination> combinations()
    {
        List<SweepCombination> combinations = new ArrayList<>();
        int[] indices = new int[axes.size()];
        while (true) {
            combinations.add(new SweepCombination(axes, indices));
            int axis = axes.size() - 1;
            while (axis >= 0 && indices[axis] == axes.get(axis).values().size() - 1) {
                indices[axis] = 0;
                axis--;
            }
            if (axis < 0) {
                return combinations;
            }
            indices[axis]++;
        }
    }
}
