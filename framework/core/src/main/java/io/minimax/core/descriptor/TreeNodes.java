package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Edits of the descriptor tree that resolving needs. */
final class TreeNodes
{
    private TreeNodes() {}

    /** Drops keys set to null at any depth: {@code tracking: ~} means the same as no {@code tracking} at all. */
    static void removeNulls(JsonNode node)
    {
        if (node.isObject()) {
            List<String> nullKeys = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    nullKeys.add(field.getKey());
                }
                else {
                    removeNulls(field.getValue());
                }
            }
            ((ObjectNode) node).remove(nullKeys);
        }
        else if (node.isArray()) {
            node.forEach(TreeNodes::removeNulls);
        }
    }

    /**
     * Adds a defaulted key where a reader expects it: right after the nearest key that precedes it in
     * {@code order} and is present, so written keys keep their order and defaults do not all pile up at the end.
     */
    static void insertInOrder(ObjectNode node, String key, JsonNode value, List<String> order)
    {
        String after = null;
        for (int position = order.indexOf(key) - 1; position >= 0 && after == null; position--) {
            if (node.has(order.get(position))) {
                after = order.get(position);
            }
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        node.removeAll();
        if (after == null) {
            node.set(key, value);
        }
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            node.set(field.getKey(), field.getValue());
            if (field.getKey().equals(after)) {
                node.set(key, value);
            }
        }
    }
}
