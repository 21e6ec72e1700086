package io.minimax.core.descriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Applies {@code --set path=value} overrides, in order, before the sweep is expanded. The value is YAML
 * ({@code 100}, {@code [64, 64]}, {@code non-saturating}; {@code null} removes an optional key). The path must name
 * a field the descriptor may hold; a missing key is created in an existing section.
 */
final class Overrides
{
    private final DescriptorReader reader;
    private final DescriptorSchema schema;

    Overrides(DescriptorReader reader, DescriptorSchema schema)
    {
        this.reader = requireNonNull(reader, "reader is null");
        this.schema = requireNonNull(schema, "schema is null");
    }

    void apply(ObjectNode root, List<String> overrides, Problems problems)
    {
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals < 0) {
                problems.add("--set " + override, "expected path=value, e.g. train.steps=100");
                continue;
            }
            String pathText = override.substring(0, equals).strip();
            String label = "--set " + pathText;
            Optional<DescriptorPath> path = DescriptorPath.parse(pathText);
            if (path.isEmpty()) {
                problems.add(label, "not a path: expected keys joined by '.', e.g. train.steps or optimizer.generator.learningRate");
                continue;
            }
            Optional<String> unknown = schema.check(path.get(), root, Map.of());
            if (unknown.isPresent()) {
                problems.add(label, unknown.get());
                continue;
            }
            String valueText = override.substring(equals + 1);
            JsonNode value;
            try {
                value = reader.readValue(valueText);
            }
            catch (JsonProcessingException e) {
                problems.add(label, "cannot read the value '" + valueText + "': " + DescriptorReader.syntaxError("YAML", e));
                continue;
            }
            List<DescriptorReader.Alias> aliases = reader.aliases(valueText);
            if (!aliases.isEmpty()) {
                problems.add(label, aliases.get(0).problem());
                continue;
            }
            path.get().set(root, value).ifPresent(message -> problems.add(label, message));
        }
    }
}
