package io.minimax.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minimax.spi.tracking.RunStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@value JournalLayout#RUN_FILE} format: a pretty-printed object with id, name, experiment, status, startTime,
 * endTime (null while running), params, tags, the process that writes it ({@code {"pid", "host", "startTime"}}) and,
 * for a failed run, error.
 */
final class RunJson
{
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {}

    static byte[] write(JournaledRun run)
    {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", run.id());
        root.put("name", run.name());
        root.put("experiment", run.experiment());
        root.put("status", run.status().name());
        root.put("startTime", run.startTime());
        if (run.endTime().isPresent()) {
            root.put("endTime", run.endTime().getAsLong());
        }
        else {
            root.putNull("endTime");
        }
        run.params().forEach(root.putObject("params")::put);
        run.tags().forEach(root.putObject("tags")::put);
        run.error().ifPresent(error -> root.put("error", error));
        run.process().ifPresent(process -> {
            ObjectNode node = root.putObject("process");
            node.put("pid", process.pid());
            node.put("host", process.host());
            process.startTime().ifPresentOrElse(time -> node.put("startTime", time), () -> node.putNull("startTime"));
        });
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize run " + run.id(), e);
        }
    }

    static JournaledRun read(byte[] content, Path directory)
            throws CorruptJournalException
    {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        }
        catch (IOException e) {
            throw new CorruptJournalException(describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new CorruptJournalException("not a JSON object");
        }
        String statusText = text(root, "status");
        RunStatus status = Arrays.stream(RunStatus.values())
                .filter(value -> value.name().equals(statusText))
                .findFirst()
                .orElseThrow(() -> new CorruptJournalException("status '" + statusText + "' is not one of "
                        + Arrays.toString(RunStatus.values())));
        JsonNode endTime = root.path("endTime");
        if (!endTime.isMissingNode() && !endTime.isNull() && !endTime.canConvertToExactIntegral()) {
            throw new CorruptJournalException("endTime is not a number of milliseconds: " + endTime);
        }
        JsonNode error = root.path("error");
        return new JournaledRun(
                text(root, "id"),
                text(root, "name"),
                text(root, "experiment"),
                status,
                milliseconds(root, "startTime"),
                endTime.canConvertToExactIntegral() ? OptionalLong.of(endTime.longValue()) : OptionalLong.empty(),
                textMap(root, "params"),
                textMap(root, "tags"),
                error.isTextual() ? Optional.of(error.textValue()) : Optional.empty(),
                directory,
                process(root.path("process")));
    }

    private static Optional<RunProcess> process(JsonNode node)
            throws CorruptJournalException
    {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new CorruptJournalException("field 'process' is not an object: " + node);
        }
        JsonNode startTime = node.path("startTime");
        return Optional.of(new RunProcess(milliseconds(node, "pid"), text(node, "host"),
                startTime.canConvertToExactIntegral() ? OptionalLong.of(startTime.longValue()) : OptionalLong.empty()));
    }

    private static String text(JsonNode root, String field)
            throws CorruptJournalException
    {
        JsonNode node = root.path(field);
        if (!node.isTextual()) {
            throw new CorruptJournalException(node.isMissingNode() ? "missing field '" + field + "'" : "field '" + field
                    + "' is not a string: " + node);
        }
        return node.textValue();
    }

    private static long milliseconds(JsonNode root, String field)
            throws CorruptJournalException
    {
        JsonNode node = root.path(field);
        if (!node.canConvertToExactIntegral()) {
            throw new CorruptJournalException(node.isMissingNode() ? "missing field '" + field + "'" : "field '" + field
                    + "' is not a number of milliseconds: " + node);
        }
        return node.longValue();
    }

    private static SortedMap<String, String> textMap(JsonNode root, String field)
            throws CorruptJournalException
    {
        JsonNode node = root.path(field);
        SortedMap<String, String> values = new TreeMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new CorruptJournalException("field '" + field + "' is not an object: " + node);
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isValueNode()) {
                throw new CorruptJournalException("'" + field + "." + entry.getKey() + "' is not a plain value: " + entry.getValue());
            }
            values.put(entry.getKey(), entry.getValue().asText());
        }
        return values;
    }

    /** Jackson's message without its multi-line source excerpt: "not valid JSON: Unexpected end-of-input ... at line 3, column 1". */
    static String describe(IOException exception)
    {
        if (exception instanceof JsonProcessingException parse && parse.getLocation() != null) {
            String message = parse.getOriginalMessage().lines().findFirst().orElse("");
            return "not valid JSON: " + message + " at line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr();
        }
        return "not valid JSON: " + exception.getMessage();
    }
}
