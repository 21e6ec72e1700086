package io.minimax.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlflow.api.proto.Service.Run;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MLflow credentials never leave the tracking server's origin: real {@code minimax run} and {@code minimax sync}
 * processes, with credentials in their environment as a user sets them, talk to a front server on 127.0.0.1 that
 * redirects to a second server on 127.0.0.2, or proxies to a real MLflow server. The second server must never see a
 * request; the run stays whole in the journal.
 */
@ExtendWith(MlflowTestServer.class)
class TestMlflowRedirect
{
    private static final Map<String, String> BASIC = Map.of("MLFLOW_TRACKING_USERNAME", "alice", "MLFLOW_TRACKING_PASSWORD", "s3cret-pw");
    private static final Map<String, String> BEARER = Map.of("MLFLOW_TRACKING_TOKEN", "t0ken-abc.def");
    private static final List<String> SECRETS = List.of("s3cret-pw", "YWxpY2U6czNjcmV0LXB3", "t0ken-abc.def");
    private static final HttpClient PROXY = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<HttpServer> servers = new ArrayList<>();

    record Seen(String method, String path, Optional<String> authorization)
    {
    }

    /** What the front server does with a request: answer it itself, or hand it to the real MLflow server (empty). */
    private interface Rule
            extends Function<HttpExchange, Optional<Answer>>
    {
    }

    private record Answer(int status, Map<String, String> headers, String body)
    {
    }

    @AfterEach
    void stopServers()
    {
        servers.forEach(server -> server.stop(0));
    }

    @ParameterizedTest(name = "{0} with {1} credentials")
    @CsvSource({"307, basic", "302, basic", "307, bearer", "302, bearer"})
    void redirectToAnotherHostTakesNoCredentialsOnRunArtifactsOrSync(int status, String kind, MlflowTestServer mlflow, @TempDir Path temp)
            throws Exception
    {
        Map<String, String> credentials = kind.equals("basic") ? BASIC : BEARER;
        List<Seen> elsewhere = new CopyOnWriteArrayList<>();
        String otherHost = "http://127.0.0.2:"
                + serve("127.0.0.2", elsewhere, mlflow, exchange -> Optional.of(new Answer(200, Map.of(), "{}"))).getAddress().getPort();
        Function<HttpExchange, Optional<Answer>> toOtherHost = exchange -> Optional.of(new Answer(status,
                Map.of("Location", otherHost + exchange.getRequestURI()), ""));

        // every request sent elsewhere: the run is journaled, MLflow counts as unreachable, and sync later says why
        List<Seen> front = new CopyOnWriteArrayList<>();
        String everything = "http://127.0.0.1:" + serve("127.0.0.1", front, mlflow, toOtherHost::apply).getAddress().getPort();
        String refusal = "the tracking server at " + everything + " redirected to " + otherHost + "/api/2.0/mlflow/";
        String advice = ": not following a redirect to another host with credentials; use --tracking-uri " + otherHost;
        Path runs = temp.resolve("runs");
        Path descriptor = write(temp, "run.yaml", single("redirected-" + status + "-" + kind));
        String run = minimax(credentials, temp, "run", descriptor.toString(), "--runs-dir", runs.toString(), "--tracking-uri", everything);
        assertThat(run).contains(refusal, advice, "did not reach MLflow at " + everything, "minimax sync --runs-dir");
        Path journaled = runDirectories(runs, "redirected-" + status + "-" + kind).get(0);
        assertThat(CliHarness.runJson(journaled).get("status").asText()).isEqualTo("FINISHED");
        assertThat(CliHarness.metrics(journaled).stream().filter(point -> point.get("key").asText().equals("loss/generator"))).hasSize(4);

        String sync = minimax(credentials, temp, "sync", "--runs-dir", runs.toString(), "--tracking-uri", everything);
        assertThat(sync).contains("not sent: ", refusal, advice, "1 not sent");

        // the API proxied to MLflow, the artifact uploads sent elsewhere: the run reaches MLflow, its files do not
        List<Seen> artifactFront = new CopyOnWriteArrayList<>();
        String artifactsElsewhere = "http://127.0.0.1:" + serve("127.0.0.1", artifactFront, mlflow,
                exchange -> exchange.getRequestURI().getPath()
                        .startsWith("/api/2.0/mlflow-artifacts/") ? toOtherHost.apply(exchange) : Optional.empty())
                .getAddress().getPort();
        String withArtifacts = minimax(credentials, temp, "run", descriptor.toString(), "--runs-dir", temp.resolve("runs-2").toString(),
                "--tracking-uri", artifactsElsewhere);
        assertThat(withArtifacts)
                .contains("the tracking server at " + artifactsElsewhere + " redirected to " + otherHost
                        + "/api/2.0/mlflow-artifacts/artifacts/",
                "use --tracking-uri " + otherHost);
        assertThat(artifactFront).anySatisfy(request -> assertThat(request.method()).isEqualTo("PUT"));
        try (MlflowReader reader = new MlflowReader(mlflow.uri())) {
            List<Run> mirrored = reader.runs("redirected-" + status + "-" + kind);
            // the run was created there; from the refused upload on, the server counts as away and sync completes it later
            assertThat(mirrored).hasSize(1);
        }
        assertThat(withArtifacts).contains("minimax sync --runs-dir " + temp.resolve("runs-2"));

        assertThat(elsewhere).as("the other host is never asked, so it sees no Authorization header").isEmpty();
        String expected = kind.equals("basic") ? "Basic YWxpY2U6czNjcmV0LXB3" : "Bearer t0ken-abc.def";
        assertThat(Stream.concat(front.stream(), artifactFront.stream()))
                .allSatisfy(request -> assertThat(request.authorization()).contains(expected));
        assertNoSecretIn(List.of(run, sync, withArtifacts), runs);
    }

    @Test
    void redirectWithinTheServerStillLogsTheRun(MlflowTestServer mlflow, @TempDir Path temp)
            throws Exception
    {
        // a proxy that moved MLflow from /mlflow to /: every request takes one 307 hop on the same origin
        List<Seen> front = new CopyOnWriteArrayList<>();
        String moved = "http://127.0.0.1:"
                + serve("127.0.0.1", front, mlflow, exchange -> exchange.getRequestURI().getPath().startsWith("/mlflow/")
                ? Optional.of(new Answer(307, Map.of("Location", exchange.getRequestURI().toString().substring("/mlflow".length())), ""))
                : Optional.empty()).getAddress().getPort() + "/mlflow";
        Path runs = temp.resolve("runs");
        Path descriptor = write(temp, "run.yaml", single("same-origin-redirect"));
        String output = minimax(BASIC, temp, "run", descriptor.toString(), "--runs-dir", runs.toString(), "--tracking-uri", moved);
        assertThat(output).contains("Tracking: 1 run in mlflow " + moved).doesNotContain("incomplete", "redirected");

        try (MlflowReader reader = new MlflowReader(mlflow.uri())) {
            List<Run> mirrored = reader.runs("same-origin-redirect");
            assertThat(mirrored).hasSize(1);
            String runId = mirrored.get(0).getInfo().getRunId();
            assertThat(mirrored.get(0).getInfo().getStatus().name()).isEqualTo("FINISHED");
            assertThat(reader.history(runId, "loss/generator")).hasSize(4);
            assertThat(reader.artifacts(runId, "")).containsKeys("descriptor.yaml", "summary.json");
        }
        assertThat(front).anySatisfy(request -> assertThat(request.path()).startsWith("/mlflow/api/2.0/mlflow-artifacts/"))
                .anySatisfy(request -> assertThat(request.path()).startsWith("/api/2.0/mlflow-artifacts/"))
                .allSatisfy(request -> assertThat(request.authorization()).contains("Basic YWxpY2U6czNjcmV0LXB3"));
    }

    @Test
    void echoedAuthorizationHeaderIsScrubbedFromWhatIsShownAndJournaled(MlflowTestServer mlflow, @TempDir Path temp)
            throws Exception
    {
        List<Seen> front = new CopyOnWriteArrayList<>();
        String echoing = "http://127.0.0.1:" + serve("127.0.0.1", front, mlflow, exchange -> Optional.of(new Answer(401, Map.of(),
                "{\"error_code\": \"UNAUTHENTICATED\", \"message\": \"credentials rejected: Authorization: "
                        + exchange.getRequestHeaders().getFirst("Authorization") + "\"}"))).getAddress().getPort();
        Path runs = temp.resolve("runs");
        Path descriptor = write(temp, "run.yaml", single("echoed-401"));
        for (Map<String, String> credentials : List.of(BASIC, BEARER)) {
            String output = minimax(credentials, temp, "run", descriptor.toString(), "--runs-dir", runs.toString(), "--tracking-uri",
                    echoing);
            assertThat(output).contains("answered 401 UNAUTHENTICATED: credentials rejected: Authorization: [hidden]");
            String sync = minimax(credentials, temp, "sync", "--runs-dir", runs.toString(), "--tracking-uri", echoing);
            assertThat(sync).contains("answered 401 UNAUTHENTICATED: credentials rejected: Authorization: [hidden]");
            assertNoSecretIn(List.of(output, sync), runs);
        }
        assertThat(front).extracting(Seen::authorization)
                .contains(Optional.of("Bearer t0ken-abc.def"), Optional.of("Basic YWxpY2U6czNjcmV0LXB3"));
    }

    private static String single(String name)
    {
        return TestMlflowTracking.sweep(name, 20).replace("""
                sweep:
                  loss.type: [minimax, non-saturating]
                  seed: [1, 2]
                """, "");
    }

    private static void assertNoSecretIn(List<String> outputs, Path runs)
            throws IOException
    {
        List<String> texts = new ArrayList<>(outputs);
        try (Stream<Path> files = Files.walk(runs)) {
            // images and checkpoint arrays are binary; a checkpoint's manifest is text and is read
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().endsWith(".png") && !file.toString().endsWith(".bin")).toList()) {
                texts.add(Files.readString(file));
            }
        }
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(SECRETS));
    }

    /** {@code minimax ARGS} in a process of its own with {@code credentials} in its environment; stdout and stderr together. */
    private static String minimax(Map<String, String> credentials, Path temp, String... args)
            throws Exception
    {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(temp, "minimax-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MLFLOW_"));
        builder.environment().putAll(credentials);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("minimax %s ends", args[0]).isTrue();
        }
        finally {
            process.destroyForcibly();
        }
        return Files.readString(output);
    }

    /** A server on {@code host} that records each request, then answers as {@code rule} says or proxies to {@code mlflow}. */
    private HttpServer serve(String host, List<Seen> seen, MlflowTestServer mlflow, Rule rule)
            throws IOException
    {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
                Optional<Answer> answer = rule.apply(exchange);
                if (answer.isEmpty()) {
                    answer = Optional.of(proxied(mlflow, exchange, body));
                }
                byte[] bytes = answer.get().body().getBytes(StandardCharsets.UTF_8);
                answer.get().headers().forEach(exchange.getResponseHeaders()::add);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.get().status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            }
        });
        server.start();
        servers.add(server);
        return server;
    }

    private static Answer proxied(MlflowTestServer mlflow, HttpExchange exchange, byte[] body)
            throws IOException
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mlflow.uri() + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(),
                        body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).ifPresent(type -> request.header("Content-Type", type));
        try {
            HttpResponse<String> response = PROXY.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), Map.of(), response.body());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
