package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Descriptor values as people read them in run parameters, sweep labels and error messages: numbers in plain
 * decimal ({@code 0.0001}, never {@code 1.0E-4}; {@code 1} rather than {@code 1.0}), lists as {@code [128, 128]}.
 */
final class NodeText
{
    private NodeText() {}

    static String plain(JsonNode node)
    {
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            node.forEach(element -> elements.add(plain(element)));
            return "[" + String.join(", ", elements) + "]";
        }
        if (node.isObject()) {
            List<String> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> iterator = node.fields(); iterator.hasNext(); ) {
                Map.Entry<String, JsonNode> field = iterator.next();
                fields.add(field.getKey() + ": " + plain(field.getValue()));
            }
            return "{" + String.join(", ", fields) + "}";
        }
        if (node.isNumber() && isFinite(node)) {
            return decimal(node).stripTrailingZeros().toPlainString();
        }
        return node.asText();
    }

    /** How an error names a value it did not expect: {@code 'many'}, {@code a list}, {@code a mapping}. */
    static String describe(JsonNode node)
    {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return "'" + plain(node) + "'";
    }

    /** The number as written (finite numbers only): a double through its shortest decimal form, so 1.0e-4 is exactly 0.0001. */
    static BigDecimal decimal(JsonNode number)
    {
        if (number.isIntegralNumber()) {
            return new BigDecimal(number.bigIntegerValue());
        }
        if (number.isBigDecimal()) {
            return number.decimalValue();
        }
        return new BigDecimal(Double.toString(number.doubleValue()));
    }

    static boolean isFinite(JsonNode number)
    {
        return !number.isFloatingPointNumber() || number.isBigDecimal() || Double.isFinite(number.doubleValue());
    }
}
