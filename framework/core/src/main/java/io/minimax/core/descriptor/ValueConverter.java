package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Converts a descriptor value to the Java type of a spec component or framework field, recording a problem naming
 * the path and the value when it does not fit. Supported: int, long, double, float, boolean (boxed or not),
 * String, enums (written in lower case with '-', e.g. {@code leaky-relu}), {@code List} of any of these, and
 * {@code Object}: any value as plain Java (maps, lists, strings, {@code Long} or {@code Double} numbers, booleans, null)
 * for a spec that reads nested structure itself (a list of layers) and checks it in its constructor.
 *
 * <p>Deliberately strict: a string is never read as a number or the other way round, so a quoted {@code "5"}
 * is an error for an integer. A number with an integral value ({@code 1e4}) is fine for an integer, any number
 * for a double.
 */
final class ValueConverter
{
    /** The converted value, or empty when a problem was recorded. {@code node} is never null. */
    Optional<?> convert(JsonNode node, Type type, String path, Problems problems)
    {
        if (type instanceof ParameterizedType parameterized && isList(parameterized.getRawType())) {
            return convertList(node, parameterized.getActualTypeArguments()[0], path, problems);
        }
        if (!(type instanceof Class<?> target)) {
            problems.add(path, "unsupported parameter type " + type.getTypeName() + " (a bug in the plugin)");
            return Optional.empty();
        }
        if (target == Object.class) {
            return Optional.of(plain(node));
        }
        if (target == int.class || target == Integer.class) {
            return integer(node, Integer.MIN_VALUE, Integer.MAX_VALUE, path, problems).map(Long::intValue);
        }
        if (target == long.class || target == Long.class) {
            return integer(node, Long.MIN_VALUE, Long.MAX_VALUE, path, problems);
        }
        if (target == double.class || target == Double.class) {
            return number(node, path, problems);
        }
        if (target == float.class || target == Float.class) {
            return number(node, path, problems).map(Double::floatValue);
        }
        if (target == boolean.class || target == Boolean.class) {
            return expect(node.isBoolean(), node, "a boolean (true or false)", path, problems).map(JsonNode::booleanValue);
        }
        if (target == String.class) {
            return expect(node.isTextual(), node, "a string", path, problems).map(JsonNode::textValue);
        }
        if (target.isEnum()) {
            return enumConstant(node, target, path, problems);
        }
        problems.add(path, "unsupported parameter type " + target.getName() + " (a bug in the plugin)");
        return Optional.empty();
    }

    /** A tree as maps (in key order), lists, strings, Long (integral numbers) or Double, booleans; null for null. */
    private static Object plain(JsonNode node)
    {
        if (node.isObject()) {
            java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
            return java.util.Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return java.util.Collections.unmodifiableList(list);
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }

    private static boolean isList(Type raw)
    {
        return raw == List.class || raw == Collection.class || raw == Iterable.class;
    }

    private Optional<?> convertList(JsonNode node, Type elementType, String path, Problems problems)
    {
        if (!node.isArray()) {
            problems.add(path, "expected a list, got " + NodeText.describe(node));
            return Optional.empty();
        }
        List<Object> elements = new ArrayList<>();
        boolean valid = true;
        for (int index = 0; index < node.size(); index++) {
            JsonNode element = node.get(index);
            String elementPath = path + "[" + index + "]";
            if (element.isNull()) {
                problems.add(elementPath, "must not be null");
                valid = false;
                continue;
            }
            Optional<?> converted = convert(element, elementType, elementPath, problems);
            converted.ifPresent(elements::add);
            valid &= converted.isPresent();
        }
        return valid ? Optional.of(List.copyOf(elements)) : Optional.empty();
    }

    private static Optional<Long> integer(JsonNode node, long min, long max, String path, Problems problems)
    {
        BigDecimal value;
        if (node.isNumber() && NodeText.isFinite(node)) {
            value = NodeText.decimal(node);
        }
        else {
            problems.add(path, "expected an integer, got " + NodeText.describe(node));
            return Optional.empty();
        }
        if (value.stripTrailingZeros().scale() > 0) {
            problems.add(path, "expected an integer, got " + NodeText.describe(node));
            return Optional.empty();
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(path, "must be between " + min + " and " + max + " (got " + NodeText.plain(node) + ")");
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }

    private static Optional<Double> number(JsonNode node, String path, Problems problems)
    {
        return expect(node.isNumber(), node, "a number", path, problems).map(JsonNode::doubleValue);
    }

    private static Optional<JsonNode> expect(boolean condition, JsonNode node, String expected, String path, Problems problems)
    {
        if (!condition) {
            problems.add(path, "expected " + expected + ", got " + NodeText.describe(node));
            return Optional.empty();
        }
        return Optional.of(node);
    }

    private static Optional<?> enumConstant(JsonNode node, Class<?> type, String path, Problems problems)
    {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-');
            names.add(name);
            if (node.isTextual() && name.equals(node.textValue().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return Optional.of(constant);
            }
        }
        if (!node.isTextual()) {
            problems.add(path, "expected one of " + String.join(", ", names) + ", got " + NodeText.describe(node));
        }
        else {
            problems.add(path, DidYouMean.unknownName("value", node.textValue(), names));
        }
        return Optional.empty();
    }
}
