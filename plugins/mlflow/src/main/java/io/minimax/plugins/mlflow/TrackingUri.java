package io.minimax.plugins.mlflow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * An MLflow tracking server's address: {@code http(s)://host[:port][/prefix]}, without credentials (those come from
 * {@code MLFLOW_TRACKING_USERNAME}/{@code PASSWORD}/{@code TOKEN}, so that they never reach a descriptor, a journal or
 * a log line), a query or a fragment. A trailing slash is dropped so that one server has one name.
 */
public record TrackingUri(URI uri)
{
    public TrackingUri
    {
        requireNonNull(uri, "uri is null");
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong, for the user. */
    public static TrackingUri parse(String text)
    {
        return new TrackingUri(URI.create(normalize(text)));
    }

    private static String normalize(String text)
    {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty: expected an http(s):// address, e.g. http://127.0.0.1:5000");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + text + "' is not an http(s):// address (MLflow's REST API is served over HTTP;"
                    + " file: and sqlite: stores are reached through 'minimax ui' or 'mlflow server')");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' has no host");
        }
        if (uri.getRawUserInfo() != null) {
            // printing the URI would leak the password: say where it is, not what it is
            throw new IllegalArgumentException("the address holds credentials: set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD"
                    + " (or MLFLOW_TRACKING_TOKEN) instead, so that they stay out of descriptors, journals and logs");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + text + "' has a query or fragment; expected http(s)://host[:port][/path]");
        }
        String normalized = scheme + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }

    /** The name the journal remembers mirrors of this server by. */
    public String store()
    {
        return "mlflow " + uri;
    }

    /** {@code {uri}/api/2.0/mlflow/{path}}. */
    URI api(String path)
    {
        return URI.create(uri + "/api/2.0/mlflow/" + path);
    }

    @Override
    public String toString()
    {
        return uri.toString();
    }
}
