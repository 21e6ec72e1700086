package io.minimax.core.journal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minimax.spi.tracking.MetricPoint;

import java.io.IOException;

/**
 * The {@value JournalLayout#METRICS_FILE} format: one JSON object per line in MLflow's metric shape,
 * {@code {"key":"loss/generator","value":0.693,"step":500,"timestamp":1700000000000}}.
 * <p>
 * JSON has no NaN or infinities, and a diverging GAN produces them, so a non-finite value is written as the string
 * {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}: the proto3 JSON mapping of a double, which is what MLflow's
 * REST API speaks, so the line replays unchanged. Every line stays valid JSON for any parser; finite values are
 * written with {@link Double#toString}, which round-trips exactly.
 */
final class MetricLines
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private MetricLines() {}

    /** Appends one complete line, newline included. */
    static void append(MetricPoint point, StringBuilder line)
    {
        line.append("{\"key\":\"");
        ENCODER.quoteAsString(point.key(), line);
        line.append("\",\"value\":");
        double value = point.value();
        if (Double.isFinite(value)) {
            line.append(value);
        }
        else {
            line.append('"').append(value).append('"');
        }
        line.append(",\"step\":").append(point.step())
                .append(",\"timestamp\":").append(point.timestamp())
                .append("}\n");
    }

    static MetricPoint parse(String line)
            throws CorruptJournalException
    {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        }
        catch (IOException e) {
            throw new CorruptJournalException(RunJson.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new CorruptJournalException("not a JSON object");
        }
        JsonNode key = root.path("key");
        if (!key.isTextual()) {
            throw new CorruptJournalException("'key' is missing or not a string");
        }
        return new MetricPoint(key.textValue(), value(root.path("value")), integral(root, "step"), integral(root, "timestamp"));
    }

    private static double value(JsonNode node)
            throws CorruptJournalException
    {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new CorruptJournalException("'value' is not a number, \"NaN\", \"Infinity\" or \"-Infinity\": " + node);
    }

    private static long integral(JsonNode root, String field)
            throws CorruptJournalException
    {
        JsonNode node = root.path(field);
        if (!node.canConvertToExactIntegral()) {
            throw new CorruptJournalException("'" + field + "' is missing or not an integer");
        }
        return node.longValue();
    }
}
