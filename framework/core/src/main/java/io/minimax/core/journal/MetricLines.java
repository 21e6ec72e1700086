package io.minimax.core.journal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.minimax.spi.tracking.MetricPoint;


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
        JsonNode root = JournalLineFields.object(line);
        return new MetricPoint(JournalLineFields.text(root, "key"), value(root.path("value")), JournalLineFields.integral(root, "step"),
                JournalLineFields.integral(root, "timestamp"));
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
}
