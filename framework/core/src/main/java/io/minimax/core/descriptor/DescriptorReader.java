package io.minimax.core.descriptor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Parses descriptor text into a tree, turning syntax errors into problems that name the line and column.
 * Duplicate keys are errors: with YAML's "last one wins" a duplicated section silently drops half a config.
 * Descriptors are small: text over {@value #MAX_CHARACTERS} characters is refused before parsing, and the parsers
 * are bounded to the same size, since SnakeYAML's time grows faster than the length of one long scalar.
 *
 * <p>YAML aliases ({@code *h}) are refused, by path. Jackson's YAML reader hands an alias over as the plain string of
 * its anchor's name ({@code hidden: *h} reads as {@code "h"}), so they were silently misread; resolving them would
 * take a reader of our own over SnakeYAML's events, and would open descriptors to alias expansion ("billion laughs")
 * for little gain: a descriptor is short, a sweep already writes a value once for many runs, and the resolved
 * descriptor a run keeps has no anchors anyway.
 */
final class DescriptorReader
{
    /** 1 MiB: a descriptor is a page of settings, never data. */
    static final int MAX_CHARACTERS = 1 << 20;

    private final ObjectMapper yaml = YAMLMapper.builder(YAMLFactory.builder()
                    .loaderOptions(loaderOptions())
                    .streamReadConstraints(constraints())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Where an alias stood in the text, and the anchor it names. */
    record Alias(String path, String anchor)
    {
        String problem()
        {
            return "YAML aliases (*" + anchor + ") are not supported; write the value";
        }
    }

    /** The top-level mapping, or empty when the text is not a well-formed descriptor (the problem is recorded). */
    Optional<ObjectNode> read(String text, String sourceName, boolean isJson, Problems problems)
    {
        String format = isJson ? "JSON" : "YAML";
        if (text.length() > MAX_CHARACTERS) {
            problems.add(sourceName, "the descriptor is " + text.length() + " characters long; descriptors are limited to "
                    + MAX_CHARACTERS + " (1 MB)");
            return Optional.empty();
        }
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
        List<Alias> aliases = isJson ? List.of() : aliases(text);
        aliases.forEach(alias -> problems.add(alias.path().isEmpty() ? sourceName : alias.path(), alias.problem()));
        return aliases.isEmpty() ? Optional.of((ObjectNode) root) : Optional.empty();
    }

    /** The aliases in well-formed YAML text, in order, each with its dotted path ({@code generator.hidden}, {@code a[1]}). */
    List<Alias> aliases(String text)
    {
        if (text.indexOf('*') < 0) {
            return List.of();
        }
        List<Alias> aliases = new ArrayList<>();
        try (JsonParser parser = yaml.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
                    aliases.add(new Alias(path(parser.getParsingContext()), parser.getText()));
                }
            }
        }
        catch (IOException e) {
            // not well-formed: reading the tree reports the syntax error
        }
        return aliases;
    }

    /** One value written as YAML: a {@code --set} value or a {@code @Param} default. Empty text is null, as in YAML. */
    JsonNode readValue(String text)
            throws JsonProcessingException
    {
        JsonNode value = yaml.readTree(text);
        return value == null || value.isMissingNode() ? NullNode.getInstance() : value;
    }

    private static String path(JsonStreamContext context)
    {
        Deque<String> fields = new ArrayDeque<>();
        for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            fields.push(level.inArray() ? "[" + level.getCurrentIndex() + "]" : String.valueOf(level.getCurrentName()));
        }
        String path = "";
        for (String field : fields) {
            path = Problems.join(path, field);
        }
        return path;
    }

    private static LoaderOptions loaderOptions()
    {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARACTERS);
        return options;
    }

    private static StreamReadConstraints constraints()
    {
        return StreamReadConstraints.builder().maxStringLength(MAX_CHARACTERS).build();
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
