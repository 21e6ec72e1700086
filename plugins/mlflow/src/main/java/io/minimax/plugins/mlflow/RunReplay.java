package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunStatus;
import org.mlflow.api.proto.Service.FileInfo;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunTag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Makes one MLflow run match one journaled run, sending only what the server lacks: the run is found by the id the
 * journal remembers, else by its {@code minimax.runId} tag, else created; then the params, tags, metric points,
 * final values, artifacts and status it is missing are sent. Points are matched by key, step, timestamp and value,
 * so a replay after an interrupted one, or a second replay, sends nothing twice.
 */
final class RunReplay
{
    private final MlflowApi api;

    RunReplay(MlflowApi api)
    {
        this.api = requireNonNull(api, "api is null");
    }

    SyncReport replay(JournalRun run, String experimentId, Optional<String> parentRunId)
            throws MlflowException
    {
        Optional<Run> found = Optional.empty();
        if (run.known().isPresent()) {
            found = api.run(run.known().get().runId());
        }
        if (found.isEmpty()) {
            found = api.runsTagged(experimentId, RunNotes.RUN_ID_TAG, run.info().id()).stream().findFirst();
        }
        boolean created = found.isEmpty();
        Run remote = found.isPresent()
                ? found.get()
                : api.createRun(experimentId, run.info().name(), run.info().startTime(),
                        List.of(MlflowMessages.tag(RunNotes.RUN_ID_TAG, run.info().id())));
        String runId = remote.getInfo().getRunId();
        MirroredRun mirror = new MirroredRun(api.server().store(), runId, parentRunId, true);
        boolean sameParent = parentRunId.isEmpty() || parentRunId.equals(run.known().flatMap(MirroredRun::parentRunId));
        if (!created && run.known().map(MirroredRun::complete).orElse(false) && sameParent
                && remote.getInfo().getStatus().name().equals(run.status().name())) {
            return new SyncReport(run, Optional.of(mirror), false, 0, 0, 0, Optional.empty());
        }

        List<Param> params = missingParams(run, remote);
        List<RunTag> tags = MlflowMessages.tags(run.remoteTags(parentRunId)).stream()
                .filter(tag -> !tag.getValue().equals(serverTags(remote).get(tag.getKey())))
                .toList();
        List<Metric> points = missingPoints(runId, run.metrics());
        SortedMap<String, FinalValue> finals = finals(run);
        List<Metric> summaries = MlflowMessages.metrics(FinalValues.summaryPoints(finals)).stream()
                .filter(summary -> !sameValue(summary, latest(remote).get(summary.getKey())))
                .toList();
        List<Metric> metrics = new ArrayList<>(points);
        metrics.addAll(summaries);
        api.logBatch(runId, metrics, params, tags);
        int artifacts = sendArtifacts(run, remote, finals) + sendImages(run, remote);
        if (run.status() != RunStatus.RUNNING && !remote.getInfo().getStatus().name().equals(run.status().name())) {
            api.updateRun(runId, MlflowMessages.status(run.status()), run.endTime().orElse(System.currentTimeMillis()));
        }
        return new SyncReport(run, Optional.of(mirror), created, metrics.size(), params.size() + tags.size(), artifacts, Optional.empty());
    }

    private static List<Param> missingParams(JournalRun run, Run remote)
    {
        Map<String, String> server = remote.getData().getParamsList().stream()
                .collect(Collectors.toMap(Param::getKey, Param::getValue, (first, second) -> first));
        // a param MLflow has with another value cannot be changed there; the journal's value wins in the journal
        return MlflowMessages.params(run.params()).stream().filter(param -> !server.containsKey(param.getKey())).toList();
    }

    private static Map<String, String> serverTags(Run remote)
    {
        return remote.getData().getTagsList().stream()
                .collect(Collectors.toMap(RunTag::getKey, RunTag::getValue, (first, second) -> first));
    }

    private static Map<String, Metric> latest(Run remote)
    {
        return remote.getData().getMetricsList().stream()
                .collect(Collectors.toMap(Metric::getKey, metric -> metric, (first, second) -> second));
    }

    private static boolean sameValue(Metric wanted, Metric present)
    {
        return present != null && present.getStep() == wanted.getStep()
                && Double.doubleToLongBits(present.getValue()) == Double.doubleToLongBits(wanted.getValue());
    }

    /** The journal's points the server's history lacks, in logged order; each server point matches one journal point. */
    private List<Metric> missingPoints(String runId, List<MetricPoint> journal)
            throws MlflowException
    {
        Map<String, List<Metric>> byKey = new LinkedHashMap<>();
        for (MetricPoint point : journal) {
            Metric metric = MlflowMessages.metric(point);
            byKey.computeIfAbsent(metric.getKey(), key -> new ArrayList<>()).add(metric);
        }
        List<Metric> missing = new ArrayList<>();
        for (Map.Entry<String, List<Metric>> entry : byKey.entrySet()) {
            Map<List<Long>, Integer> present = new HashMap<>();
            for (Metric metric : api.metricHistory(runId, entry.getKey())) {
                present.merge(identity(metric), 1, Integer::sum);
            }
            for (Metric metric : entry.getValue()) {
                if (present.merge(identity(metric), -1, Integer::sum) < 0) {
                    missing.add(metric);
                }
            }
        }
        return missing;
    }

    private static List<Long> identity(Metric metric)
    {
        return List.of(metric.getStep(), metric.getTimestamp(), Double.doubleToLongBits(metric.getValue()));
    }

    private static SortedMap<String, FinalValue> finals(JournalRun run)
    {
        FinalValues values = new FinalValues();
        values.add(run.metrics());
        return values.compute();
    }

    /** Uploads the descriptor, the journal's artifacts and {@code summary.json} where the server lacks them or has another size. */
    private int sendArtifacts(JournalRun run, Run remote, SortedMap<String, FinalValue> finals)
            throws MlflowException
    {
        Map<String, Long> server = new HashMap<>();
        for (FileInfo file : api.artifacts(remote.getInfo().getRunId(), "")) {
            server.put(file.getPath(), file.getFileSize());
        }
        Map<String, Path> local = new LinkedHashMap<>();
        Path descriptor = run.info().directory().resolve("descriptor.yaml");
        if (Files.isRegularFile(descriptor)) {
            local.put("descriptor.yaml", descriptor);
        }
        Path artifacts = run.info().directory().resolve("artifacts");
        if (Files.isDirectory(artifacts)) {
            try (Stream<Path> files = Files.walk(artifacts)) {
                // *.tmp: a file the journal was still writing when the run was killed
                files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().endsWith(".tmp")).sorted()
                        .forEach(file -> local.put(artifacts.relativize(file).toString().replace('\\', '/'), file));
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot list " + artifacts, e);
            }
        }
        int sent = 0;
        for (Map.Entry<String, Path> entry : local.entrySet()) {
            if (!Long.valueOf(size(entry.getValue())).equals(server.get(entry.getKey()))) {
                String folder = entry.getKey().contains("/") ? entry.getKey().substring(0, entry.getKey().lastIndexOf('/')) : "";
                api.uploadArtifact(remote.getInfo().getArtifactUri(), folder, entry.getValue());
                sent++;
            }
        }
        if (run.status() != RunStatus.RUNNING) {
            byte[] summary = RunNotes.summaryJson(run.info().id(), run.info().name(), run.info().experiment(), run.status(), run.error(),
                    finals);
            if (!Long.valueOf(summary.length).equals(server.get(RunNotes.SUMMARY_FILE))) {
                api.uploadArtifact(remote.getInfo().getArtifactUri(), "", RunNotes.SUMMARY_FILE, summary);
                sent++;
            }
        }
        return sent;
    }

    /**
     * Uploads, as a live tracker does, each picture of the journal of whose key and step the server has no complete one
     * (a PNG and its preview); a preview alone is added beside a PNG that lacks it. A picture whose file is gone from
     * the journal is left out, as its artifact is.
     */
    private int sendImages(JournalRun run, Run remote)
            throws MlflowException
    {
        if (run.images().isEmpty()) {
            return 0;
        }
        List<String> names = api.artifacts(remote.getInfo().getRunId(), MlflowImages.FOLDER).stream()
                .map(file -> file.getPath().substring(file.getPath().lastIndexOf('/') + 1)).toList();
        Collection<MlflowImages.Stored> stored = MlflowImages.stored(names).values();
        String artifactUri = remote.getInfo().getArtifactUri();
        int sent = 0;
        for (JournalRun.Image image : run.images()) {
            List<MlflowImages.Stored> same = stored.stream()
                    .filter(each -> each.key().equals(image.key()) && each.step() == image.step()).toList();
            if (same.stream().anyMatch(MlflowImages.Stored::complete) || !Files.isRegularFile(image.file())) {
                continue;
            }
            byte[] preview = MlflowImages.preview(image.file());
            Optional<MlflowImages.Stored> withoutPreview = same.stream().filter(MlflowImages.Stored::image).findFirst();
            if (withoutPreview.isPresent()) {
                api.uploadArtifact(artifactUri, MlflowImages.FOLDER, MlflowImages.previewName(withoutPreview.get().stem()), preview);
                sent++;
                continue;
            }
            MlflowImages.Names fresh = MlflowImages.names(image.key(), image.step(), image.timestampMillis(), UUID.randomUUID());
            api.uploadArtifact(artifactUri, MlflowImages.FOLDER, fresh.image(), readAll(image.file()));
            api.uploadArtifact(artifactUri, MlflowImages.FOLDER, fresh.preview(), preview);
            sent += 2;
        }
        return sent;
    }

    private static byte[] readAll(Path file)
    {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static long size(Path file)
    {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
