package io.minimax.core.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.Optional;

/**
 * Parses descriptor text into a tree, turning syntax errors into problems that name the line and column.
 * Duplicate keys are errors: with YAML's "last one wins" a duplicated section silently drops half a config.
 */
final class DescriptorReader
{
    private final ObjectMapper yaml = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** The top-level mapping, or empty when the text is not a well-formed descriptor (the problem is recorded). */
    Optional<ObjectNode> read(String text, String sourceName, boolean isJson, Problems problems)
    {
        String format = isJson ? "JSON" : "YAML";
        JsonNode root;
        try {
            root = (isJson ? json : yaml).readTree(text);
        }
        catch (JsonProcessingException e) {
            problems.add(sourceName, syntaxError(format, e));
            return Optional.empty();
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add(sourceName, "the descriptor is empty");
            return Optional.empty();
        }
        if (!root.isObject()) {
            problems.add(sourceName, "expected a mapping of keys (name, train, data, ...) at the top level, got "
                    + NodeText.describe(root));
            return Optional.empty();
        }
        return Optional.of((ObjectNode) root);
    }

    /** One value written as YAML: a {@code --set} value or a {@code @Param} default. Empty text is null, as in YAML. */
    JsonNode readValue(String text)
            throws JsonProcessingException
    {
        JsonNode value = yaml.readTree(text);
        return value == null || value.isMissingNode() ? NullNode.getInstance() : value;
    }

    static String syntaxError(String format, JsonProcessingException e)
    {
        String message = firstLine(e.getOriginalMessage());
        if (e.getCause() instanceof MarkedYAMLException marked) {
            // snakeyaml's own message repeats the location and quotes the line; its problem text alone is clearer
            message = marked.getContext() == null ? marked.getProblem() : marked.getContext() + ": " + marked.getProblem();
        }
        if (message.startsWith("Duplicate field ")) {
            message = "duplicate key " + message.substring("Duplicate field ".length());
        }
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return format + " syntax error: " + message;
        }
        return format + " syntax error at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message;
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
