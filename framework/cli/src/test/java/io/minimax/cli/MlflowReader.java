package io.minimax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads what the server holds through MLflow's own Java client (an independent reader of what Minimax wrote), and
 * artifact listings through the REST API (the client lists them with Python).
 */
final class MlflowReader
        implements AutoCloseable
{
    private final String uri;
    private final MlflowClient client;

    MlflowReader(String uri)
    {
        this.uri = uri;
        this.client = new MlflowClient(uri);
    }

    List<Run> runs(String experiment)
    {
        String id = client.getExperimentByName(experiment).orElseThrow().getExperimentId();
        // the paged search (the unpaged one is deprecated): a test experiment holds a few runs, far below one page
        return client.searchRuns(List.of(id), "", ViewType.ACTIVE_ONLY, 1000).getItems().stream()
                .map(run -> client.getRun(run.getInfo().getRunId())).toList();
    }

    Run run(String runId)
    {
        return client.getRun(runId);
    }

    List<Metric> history(String runId, String key)
    {
        return client.getMetricHistory(runId, key);
    }

    static Map<String, String> params(Run run)
    {
        return run.getData().getParamsList().stream().collect(Collectors.toMap(param -> param.getKey(), param -> param.getValue()));
    }

    static Map<String, String> tags(Run run)
    {
        return run.getData().getTagsList().stream().collect(Collectors.toMap(tag -> tag.getKey(), tag -> tag.getValue()));
    }

    static Map<String, Double> latest(Run run)
    {
        return run.getData().getMetricsList().stream().collect(Collectors.toMap(Metric::getKey, Metric::getValue));
    }

    static String name(Run run)
    {
        RunInfo info = run.getInfo();
        return info.getRunName();
    }

    /** Path → size of every artifact file of the run, recursively. */
    Map<String, Long> artifacts(String runId, String path)
            throws IOException, InterruptedException
    {
        Map<String, Long> files = new LinkedHashMap<>();
        String query = "run_id=" + runId + (path.isEmpty() ? "" : "&path=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(uri + "/api/2.0/mlflow/artifacts/list?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode listing = CliHarness.JSON.readTree(response.body());
        for (JsonNode file : listing.path("files")) {
            if (file.path("is_dir").asBoolean()) {
                files.putAll(artifacts(runId, file.get("path").asText()));
            }
            else {
                files.put(file.get("path").asText(), file.path("file_size").asLong());
            }
        }
        return files;
    }

    @Override
    public void close()
    {
        client.close();
    }
}
