package io.minimax.plugins.mlflow;

import org.mlflow.api.proto.Service.CreateExperiment;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.FileInfo;
import org.mlflow.api.proto.Service.GetExperimentByName;
import org.mlflow.api.proto.Service.GetMetricHistory;
import org.mlflow.api.proto.Service.GetRun;
import org.mlflow.api.proto.Service.ListArtifacts;
import org.mlflow.api.proto.Service.LogBatch;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.SearchRuns;
import org.mlflow.api.proto.Service.UpdateRun;
import org.mlflow_project.google.protobuf.InvalidProtocolBufferException;
import org.mlflow_project.google.protobuf.Message;
import org.mlflow_project.google.protobuf.MessageOrBuilder;
import org.mlflow_project.google.protobuf.util.JsonFormat;

import java.io.FileNotFoundException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The MLflow REST calls Minimax makes, with MLflow's own protobuf messages (from {@code mlflow-client}) as request and
 * response bodies. Answers are read ignoring unknown fields: an MLflow 3 server sends fields the 2.17 messages lack.
 * {@link #logBatch} splits to MLflow's limits: at most 1000 metrics, 100 params and 100 tags per request.
 */
final class MlflowApi
{
    static final int MAX_METRICS_PER_BATCH = 1000;
    static final int MAX_PARAMS_OR_TAGS_PER_BATCH = 100;
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private final MlflowHttp http;
    private final LogBatchObserver observer;

    MlflowApi(MlflowHttp http)
    {
        this(http, LogBatchObserver.NONE);
    }

    MlflowApi(MlflowHttp http, LogBatchObserver observer)
    {
        this.http = requireNonNull(http, "http is null");
        this.observer = requireNonNull(observer, "observer is null");
    }

    TrackingUri server()
    {
        return http.server();
    }

    /** The id of the experiment named {@code name}, created when missing. */
    String experimentId(String name)
            throws MlflowException
    {
        Optional<Experiment> existing = experiment(name);
        if (existing.isEmpty()) {
            try {
                String created = http.post("experiments/create", print(CreateExperiment.newBuilder().setName(name)), false);
                return parse(created, CreateExperiment.Response.newBuilder()).getExperimentId();
            }
            catch (MlflowException e) {
                // another process created it since we looked
                existing = experiment(name);
                if (existing.isEmpty()) {
                    throw e;
                }
            }
        }
        if (existing.get().getLifecycleStage().equals("deleted")) {
            throw new MlflowException("experiment '" + name + "' is deleted on " + server()
                    + ": restore it in the MLflow UI (or 'mlflow experiments restore'), or delete it for good with 'mlflow gc'",
                    OptionalInt.of(400), "INVALID_STATE", null);
        }
        return existing.get().getExperimentId();
    }

    private Optional<Experiment> experiment(String name)
            throws MlflowException
    {
        try {
            String answer = http.get("experiments/get-by-name?experiment_name=" + encode(name));
            return Optional.of(parse(answer, GetExperimentByName.Response.newBuilder()).getExperiment());
        }
        catch (MlflowException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    Run createRun(String experimentId, String runName, long startTime, List<RunTag> tags)
            throws MlflowException
    {
        CreateRun.Builder request = CreateRun.newBuilder().setExperimentId(experimentId).setRunName(runName).setStartTime(startTime)
                .addAllTags(tags);
        return parse(http.post("runs/create", print(request), false), CreateRun.Response.newBuilder()).getRun();
    }

    /** Empty when the server has no such run, or only a deleted one. */
    Optional<Run> run(String runId)
            throws MlflowException
    {
        try {
            Run run = parse(http.get("runs/get?run_id=" + encode(runId)), GetRun.Response.newBuilder()).getRun();
            return run.getInfo().getLifecycleStage().equals("deleted") ? Optional.empty() : Optional.of(run);
        }
        catch (MlflowException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Active runs of the experiment whose tag {@code key} is {@code value}. */
    List<Run> runsTagged(String experimentId, String key, String value)
            throws MlflowException
    {
        return runsTagged(experimentId, Map.of(key, value));
    }

    /** Active runs of the experiment that carry every one of {@code tags}. */
    List<Run> runsTagged(String experimentId, Map<String, String> tags)
            throws MlflowException
    {
        String filter = tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(tag -> "tags.`" + tag.getKey() + "` = '" + tag.getValue().replace("'", "\\'") + "'")
                .collect(Collectors.joining(" and "));
        List<Run> runs = new ArrayList<>();
        String pageToken = "";
        do {
            SearchRuns.Builder request = SearchRuns.newBuilder().addExperimentIds(experimentId).setFilter(filter).setMaxResults(1000)
                    .setPageToken(pageToken);
            SearchRuns.Response.Builder page = parse(http.post("runs/search", print(request), true), SearchRuns.Response.newBuilder());
            runs.addAll(page.getRunsList());
            pageToken = page.getNextPageToken();
        }
        while (!pageToken.isEmpty());
        return runs;
    }

    void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags)
            throws MlflowException
    {
        for (int start = 0; start < params.size(); start += MAX_PARAMS_OR_TAGS_PER_BATCH) {
            List<Param> chunk = params.subList(start, Math.min(params.size(), start + MAX_PARAMS_OR_TAGS_PER_BATCH));
            try {
                http.post("runs/log-batch", print(LogBatch.newBuilder().setRunId(runId).addAllParams(chunk)), true);
            }
            catch (MlflowException e) {
                // a repeat of a request the server applied without answering in time ('database is locked', a timeout) meets
                // the params it stored: a sqlite backend then refuses the insert (400 'UNIQUE constraint failed'), though
                // the run holds exactly what was asked
                if (e.serverAway() || !holds(runId, chunk)) {
                    throw e;
                }
            }
        }
        for (int start = 0; start < tags.size(); start += MAX_PARAMS_OR_TAGS_PER_BATCH) {
            List<RunTag> chunk = tags.subList(start, Math.min(tags.size(), start + MAX_PARAMS_OR_TAGS_PER_BATCH));
            http.post("runs/log-batch", print(LogBatch.newBuilder().setRunId(runId).addAllTags(chunk)), true);
        }
        for (int start = 0; start < metrics.size(); start += MAX_METRICS_PER_BATCH) {
            List<Metric> chunk = metrics.subList(start, Math.min(metrics.size(), start + MAX_METRICS_PER_BATCH));
            String body = print(LogBatch.newBuilder().setRunId(runId).addAllMetrics(chunk));
            long sent = System.nanoTime();
            try {
                http.post("runs/log-batch", body, false);
            }
            catch (MlflowException e) {
                observer.sent(chunk.size(), System.nanoTime() - sent, Optional.of(String.valueOf(e.getMessage())));
                throw e;
            }
            observer.sent(chunk.size(), System.nanoTime() - sent, Optional.empty());
        }
    }

    /** Whether the run holds every one of {@code params}, each with the same value. */
    private boolean holds(String runId, List<Param> params)
            throws MlflowException
    {
        Map<String, String> held = run(runId).map(run -> run.getData().getParamsList().stream()
                .collect(Collectors.toMap(Param::getKey, Param::getValue, (first, second) -> first))).orElse(Map.of());
        return params.stream().allMatch(param -> param.getValue().equals(held.get(param.getKey())));
    }

    void updateRun(String runId, RunStatus status, long endTime)
            throws MlflowException
    {
        http.post("runs/update", print(UpdateRun.newBuilder().setRunId(runId).setStatus(status).setEndTime(endTime)), true);
    }

    /** Sets the run RUNNING again, a run that ended or was left RUNNING by a process that died; points can then be added. */
    void reopenRun(String runId)
            throws MlflowException
    {
        http.post("runs/update", print(UpdateRun.newBuilder().setRunId(runId).setStatus(RunStatus.RUNNING)), true);
    }

    List<Metric> metricHistory(String runId, String key)
            throws MlflowException
    {
        List<Metric> history = new ArrayList<>();
        String pageToken = "";
        do {
            String answer = http.get("metrics/get-history?run_id=" + encode(runId) + "&metric_key=" + encode(key) + "&max_results=25000"
                    + (pageToken.isEmpty() ? "" : "&page_token=" + encode(pageToken)));
            GetMetricHistory.Response.Builder page = parse(answer, GetMetricHistory.Response.newBuilder());
            history.addAll(page.getMetricsList());
            pageToken = page.getNextPageToken();
        }
        while (!pageToken.isEmpty());
        return history;
    }

    /** The files under {@code path} ("" for the top), recursively. */
    List<FileInfo> artifacts(String runId, String path)
            throws MlflowException
    {
        List<FileInfo> files = new ArrayList<>();
        String answer = http.get("artifacts/list?run_id=" + encode(runId) + (path.isEmpty() ? "" : "&path=" + encode(path)));
        for (FileInfo file : parse(answer, ListArtifacts.Response.newBuilder()).getFilesList()) {
            if (file.getIsDir()) {
                files.addAll(artifacts(runId, file.getPath()));
            }
            else {
                files.add(file);
            }
        }
        return files;
    }

    /**
     * PUTs {@code file} to {@code <artifact root>/<artifactPath>/<file name>} through the server's artifact proxy.
     *
     * @param artifactUri the run's {@code artifact_uri}, {@code mlflow-artifacts:/<experiment>/<run>/artifacts}
     */
    void uploadArtifact(String artifactUri, String artifactPath, Path file)
            throws MlflowException
    {
        try {
            http.putArtifact(artifactLocation(artifactUri, artifactPath, file.getFileName().toString()),
                    HttpRequest.BodyPublishers.ofFile(file));
        }
        catch (FileNotFoundException e) {
            throw new MlflowException("artifact " + file + " does not exist", OptionalInt.empty(), "", e);
        }
    }

    /** As {@link #uploadArtifact(String, String, Path)}, for content made on the fly ({@code summary.json}). */
    void uploadArtifact(String artifactUri, String artifactPath, String fileName, byte[] content)
            throws MlflowException
    {
        http.putArtifact(artifactLocation(artifactUri, artifactPath, fileName), HttpRequest.BodyPublishers.ofByteArray(content));
    }

    private static String artifactLocation(String artifactUri, String artifactPath, String fileName)
            throws MlflowException
    {
        String prefix = "mlflow-artifacts:";
        if (!artifactUri.startsWith(prefix)) {
            throw new MlflowException("the run's artifacts go to " + artifactUri
                    + ", which only the server's artifact proxy can reach from here:"
                    + " start 'mlflow server' with artifact serving (the default, not --no-serve-artifacts)", OptionalInt.of(400),
                    "ARTIFACTS_NOT_PROXIED", null);
        }
        String root = artifactUri.substring(prefix.length());
        if (root.startsWith("//")) {
            // mlflow-artifacts://host:port/path names the server; it is the one we talk to
            int slash = root.indexOf('/', 2);
            root = slash < 0 ? "" : root.substring(slash);
        }
        StringBuilder path = new StringBuilder();
        for (String segment : (root + "/" + artifactPath + "/" + fileName).split("/")) {
            if (!segment.isEmpty()) {
                path.append(path.length() == 0 ? "" : "/").append(encode(segment).replace("+", "%20"));
            }
        }
        return path.toString();
    }

    private static String encode(String text)
    {
        return URLEncoder.encode(text, UTF_8);
    }

    private static String print(MessageOrBuilder message)
    {
        try {
            return PRINTER.print(message);
        }
        catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <B extends Message.Builder> B parse(String json, B builder)
            throws MlflowException
    {
        try {
            PARSER.merge(json, builder);
            return builder;
        }
        catch (InvalidProtocolBufferException e) {
            throw new MlflowException(server() + " answered something that is not MLflow's JSON: "
                    + http.scrub(String.valueOf(e.getMessage())), OptionalInt.empty(), "", e);
        }
    }
}
