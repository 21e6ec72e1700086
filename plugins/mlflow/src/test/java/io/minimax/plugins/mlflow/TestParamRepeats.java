package io.minimax.plugins.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.Param;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code log-batch} of params repeated after the server stored them without answering: MLflow's sqlite backend,
 * under load, answered the first request 503 ('database is locked') after storing its params, and the repeat 400
 * ('UNIQUE constraint failed'). A real HTTP server on loopback plays that backend: it keeps a run's params, refuses a
 * key it holds (with MLflow's own error for another value), and loses its answer to the first request.
 */
class TestParamRepeats
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> stored = new TreeMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private boolean answerLost = true;
    private HttpServer server;
    private MlflowApi api;

    @BeforeEach
    void startServer()
            throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        TrackingUri uri = TrackingUri.parse("http://127.0.0.1:" + server.getAddress().getPort());
        api = new MlflowApi(new MlflowHttp(uri, MlflowCredentials.fromEnvironment(Map.of()), Map.of(), Duration.ofSeconds(3),
                Duration.ofSeconds(10)));
    }

    @AfterEach
    void stopServer()
    {
        server.stop(0);
    }

    @Test
    void paramsStoredByARequestWhoseAnswerWasLostAreLoggedWhenTheRepeatIsRefused()
            throws Exception
    {
        List<Param> params = List.of(param("loss.type", "minimax"), param("optimizer.generator.learningRate", "0.0002"));
        api.logBatch("r", List.of(), params, List.of());

        assertThat(requests).containsExactly("POST /api/2.0/mlflow/runs/log-batch", "POST /api/2.0/mlflow/runs/log-batch",
                "GET /api/2.0/mlflow/runs/get?run_id=r");
        assertThat(stored).containsExactly(Map.entry("loss.type", "minimax"), Map.entry("optimizer.generator.learningRate", "0.0002"));
    }

    @Test
    void aRefusedParamTheRunDoesNotHoldWithThatValueStillFails()
    {
        answerLost = false;
        stored.put("loss.type", "minimax");
        assertThatThrownBy(() -> api.logBatch("r", List.of(), List.of(param("loss.type", "non-saturating")), List.of()))
                .isInstanceOf(MlflowException.class)
                .hasMessageContaining("answered 400 INVALID_PARAMETER_VALUE: Changing param values is not allowed");
        // one of them held, the other not: the batch did not go through
        assertThatThrownBy(() -> api.logBatch("r", List.of(), List.of(param("loss.type", "minimax"), param("seed", "1")), List.of()))
                .isInstanceOf(MlflowException.class)
                .hasMessageContaining("answered 400 BAD_REQUEST: (sqlite3.IntegrityError) UNIQUE constraint failed");
        assertThat(stored).containsExactly(Map.entry("loss.type", "minimax"));
    }

    private static Param param(String key, String value)
    {
        return Param.newBuilder().setKey(key).setValue(value).build();
    }

    private void answer(HttpExchange exchange)
            throws IOException
    {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        if (exchange.getRequestURI().getPath().endsWith("/runs/get")) {
            ObjectNode run = JSON.createObjectNode();
            run.putObject("info").put("run_id", "r").put("lifecycle_stage", "active");
            ArrayNode params = run.putObject("data").putArray("params");
            stored.forEach((key, value) -> params.addObject().put("key", key).put("value", value));
            respond(exchange, 200, JSON.createObjectNode().set("run", run).toString());
            return;
        }
        JsonNode batch = JSON.readTree(exchange.getRequestBody());
        for (JsonNode param : batch.path("params")) {
            String held = stored.get(param.get("key").asText());
            if (held != null && !held.equals(param.get("value").asText())) {
                respond(exchange, 400, error("INVALID_PARAMETER_VALUE", "Changing param values is not allowed."));
                return;
            }
            if (held != null) {
                respond(exchange, 400, error("BAD_REQUEST",
                        "(sqlite3.IntegrityError) UNIQUE constraint failed: params.key, params.run_uuid"));
                return;
            }
        }
        batch.path("params").forEach(param -> stored.put(param.get("key").asText(), param.get("value").asText()));
        if (answerLost) {
            answerLost = false;
            respond(exchange, 503, error("TEMPORARILY_UNAVAILABLE", "(sqlite3.OperationalError) database is locked"));
            return;
        }
        respond(exchange, 200, "{}");
    }

    private static String error(String code, String message)
    {
        return JSON.createObjectNode().put("error_code", code).put("message", message).toString();
    }

    private static void respond(HttpExchange exchange, int status, String body)
            throws IOException
    {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
