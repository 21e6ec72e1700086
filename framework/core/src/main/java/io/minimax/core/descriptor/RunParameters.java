package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The resolved descriptor as flat parameters for the journal and trackers: {@code optimizer.generator.learningRate}
 * → {@code 0.0001}, {@code generator.hidden} → {@code [128, 128]}, {@code metrics[0].type} → {@code mode-coverage}.
 * The {@code description} is prose, not a parameter: it travels in {@code descriptor.yaml} and the run's note.
 */
final class RunParameters
{
    private RunParameters() {}

    static SortedMap<String, String> flatten(ObjectNode resolved)
    {
        SortedMap<String, String> parameters = new TreeMap<>();
        ObjectNode withoutDescription = resolved.deepCopy();
        withoutDescription.remove("description");
        flatten("", withoutDescription, parameters);
        return parameters;
    }

    private static void flatten(String path, JsonNode node, SortedMap<String, String> parameters)
    {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(field -> flatten(Problems.join(path, field.getKey()), field.getValue(), parameters));
        }
        else if (ResolvedYaml.isListOfMappings(node)) {
            for (int index = 0; index < node.size(); index++) {
                flatten(path + "[" + index + "]", node.get(index), parameters);
            }
        }
        else {
            parameters.put(path, NodeText.plain(node));
        }
    }
}
