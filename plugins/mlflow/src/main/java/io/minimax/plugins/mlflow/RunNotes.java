package io.minimax.plugins.mlflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minimax.spi.tracking.RunStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import static java.nio.charset.StandardCharsets.UTF_8;

/** What a run says about itself in MLflow besides its metrics: the failure note and tag, and {@code summary.json}. */
final class RunNotes
{
    static final String NOTE_TAG = "mlflow.note.content";
    static final String ERROR_TAG = "minimax.error";
    static final String RUN_ID_TAG = "minimax.runId";
    static final String PARENT_TAG = "mlflow.parentRunId";
    static final String SUMMARY_FILE = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunNotes() {}

    /** The tags that record a failure: {@value #ERROR_TAG}, and the reason on top of the note the run started with. */
    static Map<String, String> failureTags(Map<String, String> tags, String error)
    {
        Map<String, String> failure = new LinkedHashMap<>();
        failure.put(ERROR_TAG, error);
        failure.put(NOTE_TAG, "**Failed:** " + error + "\n\n" + tags.getOrDefault(NOTE_TAG, ""));
        return failure;
    }

    /** Written the same way live and by sync, without a wall-clock time, so that equal runs give equal files. */
    static byte[] summaryJson(String runId, String name, String experiment, RunStatus status, Optional<String> error,
            SortedMap<String, FinalValue> finals)
    {
        ObjectNode root = JSON.createObjectNode();
        root.put("run", runId);
        root.put("name", name);
        root.put("experiment", experiment);
        root.put("status", status.name());
        error.ifPresent(text -> root.put("error", text));
        ObjectNode metrics = root.putObject("metrics");
        finals.forEach((key, value) -> {
            ObjectNode metric = metrics.putObject(key);
            metric.put("last", value.last());
            metric.put("step", value.step());
            metric.put("meanOfLast10Percent", value.meanOfLastTenth());
            metric.put("points", value.points());
        });
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
