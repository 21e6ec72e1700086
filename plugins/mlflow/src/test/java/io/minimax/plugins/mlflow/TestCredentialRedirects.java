package io.minimax.plugins.mlflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credentials go only to the tracking server's origin. Real HTTP servers on two loopback addresses (127.0.0.1 is the
 * configured server, 127.0.0.2 the host a redirect names) record every request and its {@code Authorization} header.
 */
class TestCredentialRedirects
{
    static final Map<String, String> BASIC = Map.of("MLFLOW_TRACKING_USERNAME", "alice", "MLFLOW_TRACKING_PASSWORD", "s3cret-pw");
    static final Map<String, String> BEARER = Map.of("MLFLOW_TRACKING_TOKEN", "t0ken-abc.def");
    private static final String EXPERIMENT = "{\"experiment\": {\"experiment_id\": \"7\", \"name\": \"e\", \"lifecycle_stage\": "
            + "\"active\"}}";

    private final List<HttpServer> servers = new ArrayList<>();

    record Seen(String method, String path, String authorization, String body)
    {
    }

    @AfterEach
    void stopServers()
    {
        servers.forEach(server -> server.stop(0));
    }

    static Stream<Object[]> redirectsAndCredentials()
    {
        return Stream.of(new Object[] {307, BASIC}, new Object[] {302, BASIC}, new Object[] {307, BEARER}, new Object[] {302, BEARER});
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("redirectsAndCredentials")
    void redirectToAnotherHostIsRefusedForEveryKindOfRequest(int status, Map<String, String> environment)
            throws Exception
    {
        List<Seen> elsewhere = new CopyOnWriteArrayList<>();
        HttpServer other = serve("127.0.0.2", answering(200, EXPERIMENT, elsewhere));
        String otherAddress = "http://127.0.0.2:" + other.getAddress().getPort();
        List<Seen> origin = new CopyOnWriteArrayList<>();
        HttpServer server = serve("127.0.0.1", exchange -> {
            origin.add(seen(exchange));
            exchange.getResponseHeaders().add("Location", otherAddress + exchange.getRequestURI());
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        String address = "http://127.0.0.1:" + server.getAddress().getPort();
        MlflowHttp http = http(address, environment);

        List<ThrowingCall> calls = List.<ThrowingCall>of(
                () -> http.get("experiments/get-by-name?experiment_name=e"),
                () -> http.post("runs/create", "{\"experiment_id\": \"7\"}", false),
                () -> http.post("runs/log-batch", "{\"run_id\": \"r\"}", true),
                () -> http.putArtifact("7/r/artifacts/samples.csv", HttpRequest.BodyPublishers.ofString("x,y\n")));
        for (ThrowingCall call : calls) {
            assertThatThrownBy(call::call)
                    .isInstanceOf(MlflowException.class)
                    .hasMessage("the tracking server at " + address + " redirected to " + otherAddress
                            + pathOf(origin.get(origin.size() - 1))
                            + ": not following a redirect to another host with credentials; use --tracking-uri " + otherAddress)
                    .satisfies(failure -> assertThat(((MlflowException) failure).serverAway()).as("treated as unreachable").isTrue());
        }
        assertThat(elsewhere).as("the other host is never asked").isEmpty();
        // each refused once (no retry goes back for another refusal), each with the credentials the origin is owed
        assertThat(origin).hasSize(4)
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo(expectedAuthorization(environment)));
    }

    @Test
    void sameOriginRedirectsAreFollowedWithTheirCredentialsAndBody()
            throws Exception
    {
        List<Seen> origin = new CopyOnWriteArrayList<>();
        HttpServer server = serve("127.0.0.1", exchange -> {
            Seen request = seen(exchange);
            origin.add(request);
            String path = exchange.getRequestURI().toString();
            if (path.startsWith("/old/")) {
                // a relative Location, as proxies write them
                exchange.getResponseHeaders().add("Location", path.substring("/old".length()));
                exchange.sendResponseHeaders(path.contains("runs/create") ? 302 : 307, -1);
                exchange.close();
                return;
            }
            respond(exchange, 200, EXPERIMENT);
        });
        String address = "http://127.0.0.1:" + server.getAddress().getPort();
        MlflowHttp http = http(address + "/old", BEARER);

        assertThat(http.post("runs/log-batch", "{\"run_id\": \"r\"}", true)).isEqualTo(EXPERIMENT);
        assertThat(origin).extracting(Seen::method, Seen::path, Seen::authorization, Seen::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST", "/old/api/2.0/mlflow/runs/log-batch", "Bearer t0ken-abc.def",
                        "{\"run_id\": \"r\"}"),
                org.assertj.core.groups.Tuple.tuple("POST", "/api/2.0/mlflow/runs/log-batch", "Bearer t0ken-abc.def",
                        "{\"run_id\": \"r\"}"));
        origin.clear();
        // as every HTTP client does, a 302 after a POST is followed with a GET
        http.post("runs/create", "{}", false);
        assertThat(origin).extracting(Seen::method).containsExactly("POST", "GET");
    }

    @Test
    void redirectLoopsEndAfterFiveHops()
            throws Exception
    {
        List<Seen> origin = new CopyOnWriteArrayList<>();
        HttpServer server = serve("127.0.0.1", exchange -> {
            origin.add(seen(exchange));
            exchange.getResponseHeaders().add("Location", exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(308, -1);
            exchange.close();
        });
        String address = "http://127.0.0.1:" + server.getAddress().getPort();
        assertThatThrownBy(() -> http(address, Map.of()).get("experiments/list"))
                .hasMessageContaining("redirected more than 5 times");
        assertThat(origin).hasSize(RedirectPolicy.MAX_HOPS + 1);
    }

    @Test
    void httpsIsNeverRedirectedToHttp(@TempDir Path temp)
            throws Exception
    {
        List<Seen> plain = new CopyOnWriteArrayList<>();
        HttpServer http = serve("127.0.0.1", answering(200, EXPERIMENT, plain));
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSigned(temp)));
        https.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + http.getAddress().getPort() + exchange.getRequestURI());
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        https.start();
        servers.add(https);
        Map<String, String> environment = new java.util.HashMap<>(BASIC);
        environment.put("MLFLOW_TRACKING_INSECURE_TLS", "true");
        String address = "https://127.0.0.1:" + https.getAddress().getPort();

        assertThatThrownBy(() -> http(address, environment).get("experiments/get-by-name?experiment_name=e"))
                .hasMessageContaining("the tracking server at " + address + " redirected to http://127.0.0.1:"
                        + http.getAddress().getPort())
                .hasMessageContaining("not following a redirect from https to http, which would send the request and credentials "
                        + "unencrypted");
        assertThat(plain).isEmpty();
    }

    @Test
    void echoedCredentialsAreScrubbedFromTheMessage()
            throws Exception
    {
        HttpServer json = serve("127.0.0.1",
                exchange -> respond(exchange, 401, "{\"error_code\": \"UNAUTHENTICATED\", \"message\": \"rejected header Authorization: "
                + exchange.getRequestHeaders().getFirst("Authorization") + "\"}"));
        HttpServer html = serve("127.0.0.1",
                exchange -> respond(exchange, 401, "<html><pre>GET " + exchange.getRequestURI() + "\nauthorization=\""
                + exchange.getRequestHeaders().getFirst("Authorization") + "\"\nhint: your "
                + exchange.getRequestHeaders().getFirst("Authorization") + " was wrong</pre></html>"));
        for (HttpServer server : List.of(json, html)) {
            for (Map<String, String> environment : List.of(BASIC, BEARER)) {
                String address = "http://127.0.0.1:" + server.getAddress().getPort();
                assertThatThrownBy(() -> http(address, environment).get("experiments/get-by-name?experiment_name=e"))
                        .satisfies(failure -> assertThat(failure.getMessage())
                                .contains("answered 401", MlflowCredentials.HIDDEN)
                                .doesNotContain("YWxpY2U6czNjcmV0LXB3", "s3cret-pw", "t0ken-abc.def"));
            }
        }
    }

    @Test
    void scrubbingHidesHeaderShapedTextAndTheCredentialsThemselves()
    {
        MlflowCredentials basic = MlflowCredentials.fromEnvironment(BASIC);
        assertThat(basic.scrub("Authorization: Basic YWxpY2U6czNjcmV0LXB3, next")).isEqualTo("Authorization: [hidden], next");
        assertThat(basic.scrub("{\"authorization\": \"Bearer xyz.123\"}")).isEqualTo("{\"authorization\": \"[hidden]\"}");
        assertThat(basic.scrub("bad bearer eyJhbGciOi.payload.sig here")).isEqualTo("bad bearer [hidden] here");
        assertThat(basic.scrub("password s3cret-pw and pair alice:s3cret-pw")).isEqualTo("password [hidden] and pair [hidden]");
        assertThat(MlflowCredentials.fromEnvironment(BEARER).scrub("token=t0ken-abc.def")).isEqualTo("token=[hidden]");
        assertThat(basic.scrub("RESOURCE_DOES_NOT_EXIST: run 'abc' not found")).isEqualTo("RESOURCE_DOES_NOT_EXIST: run 'abc' not found");
    }

    private interface ThrowingCall
    {
        void call()
                throws Exception;
    }

    private static String pathOf(Seen request)
    {
        return request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?')) : request.path();
    }

    private static String expectedAuthorization(Map<String, String> environment)
    {
        return MlflowCredentials.fromEnvironment(environment).authorization().orElseThrow();
    }

    private static MlflowHttp http(String address, Map<String, String> environment)
    {
        return new MlflowHttp(TrackingUri.parse(address), MlflowCredentials.fromEnvironment(environment), environment,
                Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    private HttpServer serve(String host, HttpHandler handler)
            throws IOException
    {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
        server.createContext("/", handler);
        server.start();
        servers.add(server);
        return server;
    }

    private static HttpHandler answering(int status, String body, List<Seen> seen)
    {
        return exchange -> {
            seen.add(seen(exchange));
            respond(exchange, status, body);
        };
    }

    private static Seen seen(HttpExchange exchange)
            throws IOException
    {
        try (InputStream body = exchange.getRequestBody()) {
            return new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
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

    /** A key pair for 127.0.0.1 from the JDK's keytool: the test needs a real TLS server, not a real CA. */
    private static SSLContext selfSigned(Path temp)
            throws Exception
    {
        Path keystore = temp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-alias", "server",
                "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).as(output).isTrue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
