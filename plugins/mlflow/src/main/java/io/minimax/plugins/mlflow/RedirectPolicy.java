package io.minimax.plugins.mlflow;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * Which redirects a request to the tracking server follows. The JDK's own {@code Redirect.NORMAL} would resend every
 * header, {@code Authorization} included, to whatever host a redirect names (a misconfigured proxy, an HTTP to HTTPS
 * hop to another name, a hostile server). So redirects are followed here, and only within the origin (scheme, host,
 * port) of the configured tracking URI: a trailing-slash hop or a moved path prefix still works, while a redirect to
 * another origin, or from https to http, is refused with the address the user could name instead. Refusing, rather than
 * following without the header, keeps the run's data on the server the user chose as well.
 */
final class RedirectPolicy
{
    static final int MAX_HOPS = 5;

    private final TrackingUri server;
    private final boolean withCredentials;

    RedirectPolicy(TrackingUri server, boolean withCredentials)
    {
        this.server = requireNonNull(server, "server is null");
        this.withCredentials = withCredentials;
    }

    static boolean isRedirect(int status)
    {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The request to send next for this redirect, or the refusal to report. {@code hops} counts the redirects so far. */
    HttpRequest follow(HttpRequest request, HttpResponse<?> response, int hops)
            throws MlflowException
    {
        int status = response.statusCode();
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            throw new MlflowException(server + " answered " + status + " without saying where to go (no Location header)",
                    OptionalInt.of(status), "", null);
        }
        URI target;
        try {
            target = request.uri().resolve(location.get().strip());
        }
        catch (IllegalArgumentException e) {
            throw MlflowException.redirectRefused("the tracking server at " + server + " redirected to an address that is not a URI",
                    status);
        }
        String shown = shown(target);
        if (isHttps(server.uri()) && !isHttps(target)) {
            throw MlflowException.redirectRefused("the tracking server at " + server + " redirected to " + shown
                    + ": not following a redirect from https to http, which would send the request"
                    + (withCredentials ? " and credentials" : "")
                    + " unencrypted", status);
        }
        if (!sameOrigin(server.uri(), target)) {
            throw MlflowException.redirectRefused("the tracking server at " + server + " redirected to " + shown
                    + ": not following a redirect to another host" + (withCredentials ? " with credentials" : "")
                    + "; use --tracking-uri " + suggestedServer(target), status);
        }
        if (hops >= MAX_HOPS) {
            throw MlflowException.redirectRefused("the tracking server at " + server + " redirected more than " + MAX_HOPS
                    + " times (last to " + shown + ")", status);
        }
        // as the JDK's own redirect handling: 303, and 301/302 after a POST, become a GET; 307/308 repeat the request
        boolean becomesGet = status == 303 || ((status == 301 || status == 302) && request.method().equals("POST"));
        HttpRequest.Builder next = HttpRequest.newBuilder(request, (name, value) -> true).uri(target);
        if (becomesGet) {
            next.GET();
        }
        return next.build();
    }

    private static boolean sameOrigin(URI a, URI b)
    {
        return scheme(a).equals(scheme(b))
                && a.getHost() != null && b.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static boolean isHttps(URI uri)
    {
        return scheme(uri).equals("https");
    }

    private static String scheme(URI uri)
    {
        return Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri)
    {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return isHttps(uri) ? 443 : 80;
    }

    /** The target as it may be printed: no user info, query or fragment, which can hold secrets of their own. */
    private static String shown(URI target)
    {
        String host = target.getHost() == null ? "" : target.getHost();
        return scheme(target) + "://" + host + (target.getPort() == -1 ? "" : ":" + target.getPort())
                + Objects.requireNonNullElse(target.getRawPath(), "");
    }

    /** The tracking URI that would have reached the target directly: its address up to MLflow's API prefix. */
    private static String suggestedServer(URI target)
    {
        String shown = shown(target);
        for (String api : new String[] {"/api/2.0/mlflow-artifacts/", "/api/2.0/mlflow/", "/ajax-api/"}) {
            int at = shown.indexOf(api);
            if (at >= 0) {
                return shown.substring(0, at);
            }
        }
        String path = Objects.requireNonNullElse(target.getRawPath(), "");
        return path.isEmpty() ? shown : shown.substring(0, shown.length() - path.length());
    }
}
