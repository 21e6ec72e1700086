package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunTag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * One run streamed to MLflow: created at start with its params and tags and the resolved descriptor, metrics sent in
 * {@code log-batch} requests of up to 1000 as they come (or after a quiet second), artifacts through the artifact
 * proxy, and at the end the final values, {@code summary.json}, the failure reason when it failed, and its status.
 */
final class RunStream
        extends RemoteWork
{
    private static final long PARENT_WAIT_SECONDS = 30;

    private final Optional<SweepStream> parent;
    private final List<Metric> pending = new ArrayList<>();
    private RunInfo info;
    private Map<String, String> tags = Map.of();
    private Optional<String> parentRunId = Optional.empty();
    private Optional<Run> remote = Optional.empty();
    private boolean imagesTagged;

    RunStream(MlflowApi api, MlflowWarnings warnings, Optional<SweepStream> parent)
    {
        super(api, warnings);
        this.parent = requireNonNull(parent, "parent is null");
    }

    @Override
    void start(RunInfo run, Map<String, String> params, Map<String, String> runTags)
    {
        this.info = run;
        this.tags = Map.copyOf(runTags);
        parentRunId = parent.flatMap(sweep -> sweep.remoteRunId(PARENT_WAIT_SECONDS, TimeUnit.SECONDS));
        params.forEach((key, value) -> {
            if (MlflowNames.tooLongForParam(value)) {
                warnings.once("long param " + key, "param '" + key + "' has " + value.length() + " characters and MLflow keeps "
                        + MlflowNames.MAX_PARAM_VALUE_LENGTH
                        + ": it is cut in MLflow (marked so); the journal and the run's descriptor.yaml keep all of it");
            }
        });
        attempt(() -> {
            String experimentId = api.experimentId(run.experiment());
            List<RunTag> identity = new ArrayList<>(List.of(MlflowMessages.tag(RunNotes.RUN_ID_TAG, run.id())));
            parentRunId.ifPresent(id -> identity.add(MlflowMessages.tag(RunNotes.PARENT_TAG, id)));
            remote = Optional.of(api.createRun(experimentId, run.name(), run.startTime(), identity));
            api.logBatch(runId(), List.of(), MlflowMessages.params(params), MlflowMessages.tags(runTags));
        });
        Path descriptor = run.directory().resolve("descriptor.yaml");
        if (Files.isRegularFile(descriptor)) {
            artifact(descriptor, "");
        }
    }

    /**
     * Continues the run's MLflow run (found by its {@value RunNotes#RUN_ID_TAG} tag, or created when it never got
     * there): what it lacks of the journal is sent as {@code minimax sync} sends it, and it is RUNNING again. The
     * points of the steps trained again then come with their first timestamps, and MLflow skips those it has.
     */
    @Override
    void resume(RunInfo run, Map<String, String> params, Map<String, String> runTags, List<MetricPoint> journaled)
    {
        this.info = run;
        this.tags = Map.copyOf(runTags);
        attempt(() -> {
            String experimentId = api.experimentId(run.experiment());
            JournalRun journal = new JournalRun(run, RunStatus.RUNNING, OptionalLong.empty(), Optional.empty(), new TreeMap<>(params),
                    new TreeMap<>(runTags), journaled, List.of(), Optional.empty());
            String runId = new RunReplay(api).replay(journal, experimentId, Optional.empty()).mirror().orElseThrow().runId();
            api.reopenRun(runId);
            remote = api.run(runId);
            parentRunId = remote.flatMap(found -> found.getData().getTagsList().stream()
                    .filter(tag -> tag.getKey().equals(RunNotes.PARENT_TAG)).map(RunTag::getValue).findFirst());
        });
    }

    @Override
    void metrics(List<MetricPoint> points)
    {
        if (remote.isEmpty() || away()) {
            return;
        }
        pending.addAll(MlflowMessages.metrics(points));
        if (pending.size() >= MlflowApi.MAX_METRICS_PER_BATCH) {
            flush();
        }
    }

    @Override
    void flush()
    {
        if (pending.isEmpty()) {
            return;
        }
        List<Metric> batch = List.copyOf(pending);
        // cleared either way: after a failure the journal, not this buffer, is what sync replays
        pending.clear();
        attempt(() -> api.logBatch(runId(), batch, List.of(), List.of()));
    }

    @Override
    void artifact(Path file, String artifactPath)
    {
        if (remote.isPresent()) {
            attempt(() -> api.uploadArtifact(remote.get().getInfo().getArtifactUri(), artifactPath, file));
        }
        else {
            markIncomplete();
        }
    }

    @Override
    void image(Path file, String key, long step, long timestampMillis)
    {
        if (remote.isEmpty()) {
            markIncomplete();
            return;
        }
        String artifactUri = remote.get().getInfo().getArtifactUri();
        MlflowImages.Names names;
        byte[] png;
        byte[] preview;
        try {
            names = MlflowImages.names(key, step, timestampMillis, UUID.randomUUID());
            png = Files.readAllBytes(file);
            preview = MlflowImages.preview(file);
        }
        catch (IOException | RuntimeException e) {
            markIncomplete();
            warnings.once("image " + key, "cannot send the image " + file + " to MLflow (" + e.getMessage() + "); it is in the journal");
            return;
        }
        attempt(() -> {
            api.uploadArtifact(artifactUri, MlflowImages.FOLDER, names.image(), png);
            api.uploadArtifact(artifactUri, MlflowImages.FOLDER, names.preview(), preview);
            if (!imagesTagged) {
                api.logBatch(runId(), List.of(), List.of(), List.of(MlflowMessages.tag(MlflowImages.LOGGED_IMAGES_TAG, "True")));
                imagesTagged = true;
            }
        });
    }

    @Override
    void end(RunStatus status, Optional<String> error, SortedMap<String, FinalValue> finals)
    {
        parent.ifPresent(sweep -> sweep.childEnded(new SweepStatistics.Child(SweepStatistics.Child.sweepValues(tags), finals)));
        flush();
        if (remote.isEmpty()) {
            markIncomplete();
            return;
        }
        attempt(() -> {
            Map<String, String> endTags = new LinkedHashMap<>();
            if (status == RunStatus.FAILED) {
                endTags.putAll(RunNotes.failureTags(tags, error.orElse("unknown reason")));
            }
            api.logBatch(runId(), MlflowMessages.metrics(FinalValues.summaryPoints(finals)), List.of(), MlflowMessages.tags(endTags));
            api.uploadArtifact(remote.get().getInfo().getArtifactUri(), "", RunNotes.SUMMARY_FILE,
                    RunNotes.summaryJson(info.id(), info.name(), info.experiment(), status, error, finals));
            api.updateRun(runId(), MlflowMessages.status(status), System.currentTimeMillis());
        });
    }

    @Override
    Optional<MirroredRun> mirror()
    {
        return remote.map(run -> new MirroredRun(api.server().store(), runId(), parentRunId, complete()));
    }

    private String runId()
    {
        return remote.orElseThrow().getInfo().getRunId();
    }
}
