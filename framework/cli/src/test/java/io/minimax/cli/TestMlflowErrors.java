package io.minimax.cli;

import io.minimax.plugin.support.SeededRandomSource;
import com.sun.net.httpserver.HttpServer;
import io.minimax.plugins.mlflow.MlflowTrackerFactory;
import io.minimax.plugins.mlflow.MlflowTrackerSpec;
import io.minimax.spi.PluginContext;
import io.minimax.spi.RandomSource;
import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;
import io.minimax.spi.tracking.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Run;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/** What the user sees when MLflow cannot take a run: a clear message, and nothing lost from the journal. */
@ExtendWith(MlflowTestServer.class)
class TestMlflowErrors
{
    private static final String SINGLE = TestMlflowTracking.sweep("errors", 20).replace("""
            sweep:
              loss.type: [minimax, non-saturating]
              seed: [1, 2]
            """, "");

    @Test
    void addressThatIsNotATrackingServerIsInvalidInput(@TempDir Path temp)
            throws Exception
    {
        Path descriptor = write(temp, "run.yaml", SINGLE);
        CliHarness.Result file = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("runs").toString(), "--tracking-uri",
                "file:///tmp/mlruns");
        assertThat(file.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(file.err()).contains("tracking.uri", "not an http(s):// address");

        CliHarness.Result credentials = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("runs").toString(),
                "--tracking-uri", "http://alice:s3cret@127.0.0.1:5000");
        assertThat(credentials.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(credentials.err()).contains("MLFLOW_TRACKING_USERNAME").doesNotContain("s3cret");

        CliHarness.Result sync = minimax("sync", "--runs-dir", temp.toString(), "--tracking-uri", "sqlite:///mlflow.db");
        assertThat(sync.exitCode()).isEqualTo(Main.INVALID_INPUT);
        assertThat(sync.err()).contains("--tracking-uri", "not an http(s):// address");
    }

    @Test
    void unreachableServerLeavesTheRunWholeOnTheJournal(@TempDir Path temp)
            throws Exception
    {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String uri = "http://127.0.0.1:" + closedPort;
        Path runs = temp.resolve("runs");
        CliHarness.Result result = minimax("run", write(temp, "run.yaml", SINGLE).toString(), "--runs-dir", runs.toString(),
                "--tracking-uri", uri);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("did not reach MLflow at " + uri, "minimax sync --runs-dir " + runs + " --tracking-uri " + uri);
        Path run = runDirectories(runs, "errors").get(0);
        assertThat(CliHarness.runJson(run).get("status").asText()).isEqualTo("FINISHED");
        assertThat(CliHarness.metrics(run).stream().filter(point -> point.get("key").asText().equals("loss/generator"))).hasSize(4);

        CliHarness.Result sync = minimax("sync", "--runs-dir", runs.toString(), "--tracking-uri", uri);
        assertThat(sync.exitCode()).isEqualTo(Main.RUN_FAILED);
        assertThat(sync.out()).contains("not sent: ", "cannot reach " + uri, "1 not sent");
    }

    @Test
    void serverAnswering500IsTriedThreeTimesThenLeftAlone(@TempDir Path temp)
            throws Exception
    {
        AtomicInteger requests = new AtomicInteger();
        HttpServer failing = answering(500, "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"database is locked\"}", requests);
        try {
            String uri = "http://127.0.0.1:" + failing.getAddress().getPort();
            Path runs = temp.resolve("runs");
            CliHarness.Result result = minimax("run", write(temp, "run.yaml", SINGLE).toString(), "--runs-dir", runs.toString(),
                    "--tracking-uri", uri);
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("did not reach MLflow at " + uri);
            // the experiment lookup (idempotent) once and twice more; then the run stays on the journal
            assertThat(requests.get()).isEqualTo(3);
            assertThat(CliHarness.runJson(runDirectories(runs, "errors").get(0)).get("status").asText()).isEqualTo("FINISHED");

            CliHarness.Result sync = minimax("sync", "--runs-dir", runs.toString(), "--tracking-uri", uri);
            assertThat(sync.exitCode()).isEqualTo(Main.RUN_FAILED);
            assertThat(sync.out()).contains("answered 500 INTERNAL_ERROR: database is locked");
        }
        finally {
            failing.stop(0);
        }
    }

    @Test
    void refusedRequestIsNotRepeated(@TempDir Path temp)
            throws Exception
    {
        AtomicInteger requests = new AtomicInteger();
        HttpServer refusing = answering(403, "{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"no write access to experiment\"}",
                requests);
        try {
            String uri = "http://127.0.0.1:" + refusing.getAddress().getPort();
            CliHarness.Result sync = minimax("sync", "--runs-dir", journalWithOneRun(temp).toString(), "--tracking-uri", uri);
            assertThat(sync.exitCode()).isEqualTo(Main.RUN_FAILED);
            assertThat(sync.out()).contains("answered 403 PERMISSION_DENIED: no write access to experiment");
            assertThat(requests.get()).isEqualTo(1);
        }
        finally {
            refusing.stop(0);
        }
    }

    @Test
    void tooLongParamIsCutVisiblyAndEverythingElseArrives(MlflowTestServer server, @TempDir Path temp)
            throws Exception
    {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        Tracker tracker = new MlflowTrackerFactory().create(new MlflowTrackerSpec(server.uri()), context());
        String longValue = "x".repeat(7000);
        List<MetricPoint> points = new ArrayList<>();
        for (int step = 1; step <= 50; step++) {
            points.add(new MetricPoint("loss/generator", 1.0 / step, step, 1_700_000_000_000L + step));
        }
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            tracker.runStarted(new RunInfo("0123456789abcdef0123456789abcdef", "long-param", "errors-long-param", temp,
                    System.currentTimeMillis()),
                    Map.of("notes", longValue, "train.steps", "50"), Map.of("mlflow.runName", "long-param"));
            tracker.logMetrics(points);
            tracker.runEnded(RunStatus.FINISHED, Optional.empty());
            tracker.close();
        }
        finally {
            System.setErr(originalErr);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("param 'notes' has 7000 characters and MLflow keeps 6000");
        MirroredRun mirror = tracker.mirroredRun().orElseThrow();
        assertThat(mirror.complete()).isTrue();
        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            Run run = mlflow.run(mirror.runId());
            String kept = MlflowReader.params(run).get("notes");
            assertThat(kept).hasSize(6000).startsWith("xxxx").endsWith("the whole value is in the run's journal]");
            assertThat(MlflowReader.params(run)).containsEntry("train.steps", "50");
            assertThat(mlflow.history(mirror.runId(), "loss/generator")).hasSize(50);
            assertThat(run.getInfo().getStatus().name()).isEqualTo("FINISHED");
        }
    }

    private static Path journalWithOneRun(Path temp)
            throws IOException
    {
        Path runs = temp.resolve("runs");
        assertThat(minimax("run", write(temp, "run.yaml", SINGLE).toString(), "--runs-dir", runs.toString()).exitCode()).isZero();
        return runs;
    }

    private static HttpServer answering(int status, String body, AtomicInteger requests)
            throws IOException
    {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static PluginContext context()
    {
        return new PluginContext()
        {
            @Override
            public RandomSource random()
            {
                return new SeededRandomSource(0);
            }

            @Override
            public DataType dataType()
            {
                return DataType.FLOAT;
            }
        };
    }
}
