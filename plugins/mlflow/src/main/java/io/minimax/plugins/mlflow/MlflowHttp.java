package io.minimax.plugins.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * HTTP to an MLflow server, with a timeout on every call and retries only where they are safe.
 * <p>
 * Why not {@code MlflowClient}'s own calls: its HTTP layer ({@code MlflowHttpCaller}, package-private and built inside
 * {@code MlflowClient}'s constructor) sets no connect or read timeout, so a server that stops answering would hang the
 * caller for ever, and it repeats every failed request three times, 400 and 404 included, so a rejected batch is sent
 * three times and a 5xx after a partly applied {@code log-batch} duplicates metrics. Neither can be configured, and
 * its {@code logArtifact} runs Python. So requests go through {@link HttpClient} here; their bodies are still
 * MLflow's own protobuf messages (see {@link MlflowApi}).
 * <p>
 * Redirects are followed only within the tracking server's origin ({@link RedirectPolicy}), so credentials never go
 * anywhere else, and an error body is shown without anything that looks like them ({@link MlflowCredentials#scrub}).
 * <p>
 * Retries: requests marked idempotent are repeated twice after a connection failure, a timeout, a 429 or a 5xx, with a
 * short back-off; other requests (creating a run, logging metrics) never, since a lost answer does not mean the
 * server did nothing. A 4xx is never repeated.
 */
final class MlflowHttp
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long[] BACKOFF_MILLIS = {200, 1000};

    private final TrackingUri server;
    private final MlflowCredentials credentials;
    private final HttpClient client;
    private final RedirectPolicy redirects;
    private final Duration requestTimeout;

    MlflowHttp(TrackingUri server, MlflowCredentials credentials, Map<String, String> environment, Duration connectTimeout,
            Duration requestTimeout)
    {
        this.server = requireNonNull(server, "server is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
        HttpClient.Builder builder = HttpClient.newBuilder()
                // MLflow's server speaks HTTP/1.1 only; asking for an h2c upgrade on every request just costs a round of warnings
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requireNonNull(connectTimeout, "connectTimeout is null"))
                // the JDK would resend Authorization to any host a redirect names: RedirectPolicy follows them instead
                .followRedirects(HttpClient.Redirect.NEVER);
        this.redirects = new RedirectPolicy(server, credentials.present());
        MlflowTls.fromEnvironment(environment).ifPresent(builder::sslContext);
        this.client = builder.build();
    }

    TrackingUri server()
    {
        return server;
    }

    /** {@code text} from the server, fit to show: see {@link MlflowCredentials#scrub(String)}. */
    String scrub(String text)
    {
        return credentials.scrub(text);
    }

    /** GET {@code /api/2.0/mlflow/{path}}; always idempotent. */
    String get(String pathAndQuery)
            throws MlflowException
    {
        return send(request(server.api(pathAndQuery)).GET(), "GET " + pathAndQuery, true);
    }

    String post(String path, String json, boolean idempotent)
            throws MlflowException
    {
        HttpRequest.Builder request = request(server.api(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8));
        return send(request, "POST " + path, idempotent);
    }

    /** PUT to the artifact proxy: {@code /api/2.0/mlflow-artifacts/artifacts/{path}}. Replacing a file is idempotent. */
    void putArtifact(String encodedPath, HttpRequest.BodyPublisher content)
            throws MlflowException
    {
        HttpRequest.Builder request = request(URI.create(server.uri() + "/api/2.0/mlflow-artifacts/artifacts/" + encodedPath))
                .header("Content-Type", "application/octet-stream")
                .PUT(content);
        send(request, "PUT artifact " + encodedPath.substring(encodedPath.lastIndexOf('/') + 1), true);
    }

    private HttpRequest.Builder request(URI uri)
    {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", "minimax");
        credentials.authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private String send(HttpRequest.Builder builder, String what, boolean idempotent)
            throws MlflowException
    {
        HttpRequest request = builder.build();
        for (int attempt = 0; ; attempt++) {
            MlflowException failure;
            try {
                HttpResponse<String> response = exchange(request);
                if (response.statusCode() / 100 == 2) {
                    return response.body();
                }
                failure = answered(what, response);
            }
            catch (HttpTimeoutException e) {
                failure = new MlflowException(what + ": no answer from " + server + " within " + timeoutText(e), OptionalInt.empty(), "",
                        e);
            }
            catch (IOException e) {
                failure = new MlflowException(what + ": cannot reach " + server + " (" + credentials.scrub(describe(e)) + ")",
                        OptionalInt.empty(), "", e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MlflowException(what + ": interrupted", OptionalInt.empty(), "", e);
            }
            if (!idempotent || !failure.serverAway() || attempt >= BACKOFF_MILLIS.length) {
                throw failure;
            }
            pause(BACKOFF_MILLIS[attempt]);
        }
    }

    /** Sends {@code request}, following the redirects {@link RedirectPolicy} allows; a refused one is thrown. */
    private HttpResponse<String> exchange(HttpRequest request)
            throws IOException, InterruptedException, MlflowException
    {
        HttpRequest current = request;
        for (int hops = 0; ; hops++) {
            HttpResponse<String> response = client.send(current, HttpResponse.BodyHandlers.ofString(UTF_8));
            if (!RedirectPolicy.isRedirect(response.statusCode())) {
                return response;
            }
            current = redirects.follow(current, response, hops);
        }
    }

    private String timeoutText(HttpTimeoutException exception)
    {
        return exception.getClass().getSimpleName().startsWith("HttpConnect") ? "the connect timeout" : requestTimeout.toMillis() + " ms";
    }

    /**
     * MLflow answers errors as {@code {"error_code": "...", "message": "..."}}; anything else is quoted as it came. Either
     * way without credentials: a server or proxy that echoes the request headers back must not put them on a screen or
     * into a journal.
     */
    private MlflowException answered(String what, HttpResponse<String> response)
    {
        String code = "";
        String message = response.body() == null ? "" : response.body().strip();
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body != null && body.hasNonNull("message")) {
                code = body.path("error_code").asText("");
                message = body.get("message").asText();
            }
        }
        catch (IOException notJson) {
            // an HTML error page from a proxy, say: keep the start of it
        }
        message = credentials.scrub(message);
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        String text = what + ": " + server + " answered " + response.statusCode() + (code.isEmpty() ? "" : " " + code)
                + (message.isEmpty() ? "" : ": " + message);
        return new MlflowException(text, OptionalInt.of(response.statusCode()), code, null);
    }

    private static String describe(IOException exception)
    {
        String message = exception.getMessage();
        if (message == null || message.isBlank()) {
            return exception.getCause() != null && exception.getCause().getMessage() != null
                    ? exception.getCause().getMessage()
                    : exception.getClass().getSimpleName();
        }
        return message;
    }

    private static void pause(long millis)
            throws MlflowException
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MlflowException("interrupted", OptionalInt.empty(), "", e);
        }
    }
}
