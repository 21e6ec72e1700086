package io.minimax.core.descriptor;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a resolved descriptor as YAML that reads back to the same tree: keys in tree order, lists of scalars in
 * flow style ({@code hidden: [128, 128]}), numbers in plain decimal, multi-line text as a literal block, and any
 * string that YAML would read as something else (a number, {@code yes}, a URL with ':') double-quoted.
 */
final class ResolvedYaml
{
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*");
    // words YAML 1.1 reads as booleans, null or special floats when unquoted
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "y", "n", "on", "off", "null", "nan", "inf",
            "infinity");
    private static final int INDENT = 2;

    private ResolvedYaml() {}

    static String write(ObjectNode root)
    {
        StringBuilder out = new StringBuilder();
        writeMapping(root, 0, out);
        return out.toString();
    }

    private static void writeMapping(JsonNode mapping, int indent, StringBuilder out)
    {
        for (Iterator<Map.Entry<String, JsonNode>> fields = mapping.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.append(" ".repeat(indent)).append(text(field.getKey())).append(':');
            writeValue(field.getValue(), indent, out);
        }
    }

    private static void writeValue(JsonNode value, int indent, StringBuilder out)
    {
        if (value.isObject() && !value.isEmpty()) {
            out.append('\n');
            writeMapping(value, indent + INDENT, out);
        }
        else if (isListOfMappings(value)) {
            out.append('\n');
            for (JsonNode element : value) {
                // write the mapping at the item's content column, then put the dash over its first indentation
                StringBuilder item = new StringBuilder();
                writeMapping(element, indent + 2 * INDENT, item);
                out.append(" ".repeat(indent + INDENT)).append("- ").append(item, indent + 2 * INDENT, item.length());
            }
        }
        else if (value.isTextual() && isLiteralBlock(value.textValue())) {
            String text = value.textValue();
            boolean finalNewline = text.endsWith("\n");
            out.append(finalNewline ? " |\n" : " |-\n");
            for (String line : (finalNewline ? text.substring(0, text.length() - 1) : text).split("\n", -1)) {
                out.append(line.isEmpty() ? "" : " ".repeat(indent + INDENT) + line).append('\n');
            }
        }
        else {
            out.append(' ').append(flow(value)).append('\n');
        }
    }

    static boolean isListOfMappings(JsonNode node)
    {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isObject() || element.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String flow(JsonNode node)
    {
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            node.forEach(element -> elements.add(flow(element)));
            return "[" + String.join(", ", elements) + "]";
        }
        if (node.isObject()) {
            List<String> fields = new ArrayList<>();
            node.fields().forEachRemaining(field -> fields.add(text(field.getKey()) + ": " + flow(field.getValue())));
            return "{" + String.join(", ", fields) + "}";
        }
        if (node.isNumber()) {
            return number(node);
        }
        if (node.isTextual()) {
            return text(node.textValue());
        }
        return node.isNull() ? "null" : node.asText();
    }

    private static String number(JsonNode number)
    {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        if (number.isBigDecimal()) {
            return number.decimalValue().toPlainString();
        }
        double value = number.doubleValue();
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        // keep a decimal point so the value reads back as a floating-point number
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String text(String text)
    {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        // a JSON string is a valid YAML double-quoted scalar, once the characters YAML 1.1 breaks lines at are escaped
        String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(text))
                .replace("\u0085", "\\u0085")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
        return "\"" + quoted + "\"";
    }

    private static boolean isLiteralBlock(String text)
    {
        if (text.indexOf('\n') < 0 || text.endsWith("\n\n") || text.startsWith(" ") || text.startsWith("\t")) {
            return false;
        }
        return text.chars().allMatch(character -> character == '\n' || character == '\t'
                || (character >= 0x20 && character != 0x7f && character != 0x85 && character != 0x2028 && character != 0x2029));
    }
}
