package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

import static io.minimax.core.descriptor.Problems.join;
import static java.util.Objects.requireNonNull;

/** Reads the framework's own fields (name, seed, train.*) with the same conversions and messages as plugin parameters. */
final class FieldReader
{
    private final ValueConverter converter;

    FieldReader(ValueConverter converter)
    {
        this.converter = requireNonNull(converter, "converter is null");
    }

    /**
     * The value of {@code key}, converted to {@code type}. A missing key takes {@code defaultValue}, which is added
     * to the tree in {@code order}; without a default a missing key is a problem ({@code is required}).
     */
    <T> Optional<T> read(ObjectNode node, String parentPath, String key, Class<T> type, JsonNode defaultValue, List<String> order,
            Problems problems)
    {
        String path = join(parentPath, key);
        JsonNode value = node.get(key);
        if (value == null) {
            if (defaultValue == null) {
                problems.add(path, "is required");
                return Optional.empty();
            }
            value = defaultValue;
            TreeNodes.insertInOrder(node, key, value, order);
        }
        return converter.convert(value, type, path, problems).map(type::cast);
    }

    /** Records {@code message} at {@code path} unless {@code condition} holds; returns the condition, for filters. */
    boolean check(boolean condition, String path, String message, Problems problems)
    {
        if (!condition) {
            problems.add(path, message);
        }
        return condition;
    }

    void rejectUnknownKeys(ObjectNode node, String parentPath, List<String> known, Problems problems)
    {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.add(join(parentPath, key), DidYouMean.unknownKey(key, known));
            }
        });
    }
}
