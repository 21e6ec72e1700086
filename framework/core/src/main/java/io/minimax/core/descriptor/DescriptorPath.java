package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A place in the descriptor tree as {@code --set} and {@code sweep} name it: keys joined by '.', list elements by
 * index, e.g. {@code optimizer.generator.learningRate} or {@code metrics[0].type}.
 */
final class DescriptorPath
{
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[\\d{1,9}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    sealed interface Segment
            permits Key, Index {}

    record Key(String name)
            implements Segment {}

    record Index(int index)
            implements Segment {}

    private final String text;
    private final List<Segment> segments;

    private DescriptorPath(String text, List<Segment> segments)
    {
        this.text = requireNonNull(text, "text is null");
        this.segments = List.copyOf(segments);
    }

    /** Empty when {@code text} is not a path. */
    static Optional<DescriptorPath> parse(String text)
    {
        List<Segment> segments = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher matcher = SEGMENT.matcher(part);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            segments.add(new Key(matcher.group(1)));
            Matcher index = INDEX.matcher(matcher.group(2));
            while (index.find()) {
                segments.add(new Index(Integer.parseInt(index.group(1))));
            }
        }
        return Optional.of(new DescriptorPath(text, segments));
    }

    String text()
    {
        return text;
    }

    List<Segment> segments()
    {
        return segments;
    }

    /** The path of the first {@code count} segments, e.g. {@code metrics[0]}. */
    String prefix(int count)
    {
        StringBuilder prefix = new StringBuilder();
        for (Segment segment : segments.subList(0, count)) {
            if (segment instanceof Key key) {
                prefix.append(prefix.length() == 0 ? "" : ".").append(key.name());
            }
            else {
                prefix.append('[').append(((Index) segment).index()).append(']');
            }
        }
        return prefix.toString();
    }

    /** The node at the first {@code count} segments, or empty when it is not in the tree. */
    Optional<JsonNode> find(JsonNode root, int count)
    {
        JsonNode node = root;
        for (Segment segment : segments.subList(0, count)) {
            node = segment instanceof Key key ? node.get(key.name()) : node.get(((Index) segment).index());
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /**
     * Puts {@code value} at this path, creating missing mappings on the way. Returns why it could not, e.g. when a
     * list index is out of range or the path goes through a value that is not a mapping.
     */
    Optional<String> set(ObjectNode root, JsonNode value)
    {
        JsonNode container = root;
        for (int position = 0; position < segments.size(); position++) {
            Segment segment = segments.get(position);
            boolean last = position == segments.size() - 1;
            if (segment instanceof Key key) {
                if (!(container instanceof ObjectNode mapping)) {
                    return Optional.of("'" + prefix(position) + "' is not a mapping");
                }
                if (last) {
                    mapping.set(key.name(), value);
                    return Optional.empty();
                }
                JsonNode child = mapping.get(key.name());
                if (child == null || child.isNull()) {
                    child = mapping.putObject(key.name());
                }
                container = child;
            }
            else {
                int index = ((Index) segment).index();
                if (!(container instanceof ArrayNode list) || index >= list.size()) {
                    return Optional.of("'" + prefix(position + 1) + "' is not in the descriptor");
                }
                if (last) {
                    list.set(index, value);
                    return Optional.empty();
                }
                container = list.get(index);
            }
        }
        throw new IllegalStateException("a path has at least one segment");
    }

    @Override
    public String toString()
    {
        return text;
    }
}
