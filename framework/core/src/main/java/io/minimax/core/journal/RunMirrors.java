package io.minimax.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minimax.spi.tracking.MirroredRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The {@value JournalLayout#MIRRORS_FILE} of a run: for each store it was mirrored to (an MLflow server), the run's id
 * there, its sweep parent's id and whether the mirror is complete. {@code minimax sync} reads it to continue the same
 * remote run and writes it back; the run's tracker writes it when the run ends. A damaged file reads as empty: the
 * store is then searched for the run instead, so nothing is duplicated either way.
 * <pre>{@code {"mlflow http://127.0.0.1:5000": {"runId": "6f0c…", "parentRunId": "91ab…", "complete": true}}}</pre>
 */
public final class RunMirrors
{
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunMirrors() {}

    /** By store; empty when the run was never mirrored or the file cannot be read. */
    public static SortedMap<String, MirroredRun> read(Path runDirectory)
    {
        SortedMap<String, MirroredRun> mirrors = new TreeMap<>();
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(JournalLayout.mirrorsFile(runDirectory)));
        }
        catch (IOException e) {
            // never mirrored (no file), or damaged: both read as "not known", see the class comment
            return mirrors;
        }
        if (root == null || !root.isObject()) {
            return mirrors;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = root.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode runId = entry.getValue().path("runId");
            if (!runId.isTextual()) {
                continue;
            }
            JsonNode parent = entry.getValue().path("parentRunId");
            mirrors.put(entry.getKey(), new MirroredRun(entry.getKey(), runId.textValue(),
                    parent.isTextual() ? Optional.of(parent.textValue()) : Optional.empty(),
                    entry.getValue().path("complete").asBoolean(false)));
        }
        return mirrors;
    }

    public static Optional<MirroredRun> read(Path runDirectory, String store)
    {
        return Optional.ofNullable(read(runDirectory).get(requireNonNull(store, "store is null")));
    }

    /** Replaces what is remembered for {@code mirror.store()}, keeping the other stores. */
    public static synchronized void remember(Path runDirectory, MirroredRun mirror)
    {
        requireNonNull(runDirectory, "runDirectory is null");
        requireNonNull(mirror, "mirror is null");
        SortedMap<String, MirroredRun> mirrors = read(runDirectory);
        mirrors.put(mirror.store(), mirror);
        ObjectNode root = MAPPER.createObjectNode();
        mirrors.forEach((store, run) -> {
            ObjectNode node = root.putObject(store);
            node.put("runId", run.runId());
            run.parentRunId().ifPresent(parent -> node.put("parentRunId", parent));
            node.put("complete", run.complete());
        });
        Path file = JournalLayout.mirrorsFile(runDirectory);
        try {
            AtomicFiles.write(file, (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
