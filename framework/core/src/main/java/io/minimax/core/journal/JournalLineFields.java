package io.minimax.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Reading one line of a JSON-lines journal file ({@link MetricLines}, {@link ImageLines}): each problem one message. */
final class JournalLineFields
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JournalLineFields() {}

    /** The line's JSON object. */
    static JsonNode object(String line)
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
        return root;
    }

    static String text(JsonNode root, String field)
            throws CorruptJournalException
    {
        JsonNode node = root.path(field);
        if (!node.isTextual()) {
            throw new CorruptJournalException("'" + field + "' is missing or not a string");
        }
        return node.textValue();
    }

    static long integral(JsonNode root, String field)
            throws CorruptJournalException
    {
        JsonNode node = root.path(field);
        if (!node.canConvertToExactIntegral()) {
            throw new CorruptJournalException("'" + field + "' is missing or not an integer");
        }
        return node.longValue();
    }
}
