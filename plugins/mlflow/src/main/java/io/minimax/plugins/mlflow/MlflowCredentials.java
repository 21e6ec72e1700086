package io.minimax.plugins.mlflow;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The credentials MLflow's own clients read from the environment: {@code MLFLOW_TRACKING_USERNAME} and
 * {@code MLFLOW_TRACKING_PASSWORD} (basic auth) or {@code MLFLOW_TRACKING_TOKEN} (bearer). They only ever become an
 * {@code Authorization} header to the tracking server's own origin: {@link #toString()} hides them, and
 * {@link #scrub(String)} takes them, and anything that looks like them, out of what a server writes back.
 */
final class MlflowCredentials
{
    static final String HIDDEN = "[hidden]";

    // A server or proxy that echoes the request back (a 401 page, a debugging proxy) must not put a header into a
    // warning, a journal or a terminal: the scheme words MLflow's clients send, and a header written out by name.
    private static final Pattern SCHEME_AND_VALUE = Pattern.compile("(?i)\\b(Basic|Bearer)(\\s+)[A-Za-z0-9._~+/=\\-]+");
    private static final Pattern HEADER_AND_VALUE = Pattern.compile("(?i)\\b(Authorization[\"']?\\s*[:=]\\s*[\"']?)[^\"'\\r\\n,;}]+");

    private final Optional<String> authorization;
    /** What must never be shown: the header's value, the token or password alone, the encoded pair. Longest first. */
    private final List<String> secrets;

    private MlflowCredentials(Optional<String> authorization, List<String> secrets)
    {
        this.authorization = requireNonNull(authorization, "authorization is null");
        this.secrets = secrets.stream().filter(secret -> !secret.isBlank()).sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    static MlflowCredentials fromEnvironment(Map<String, String> environment)
    {
        String username = environment.get("MLFLOW_TRACKING_USERNAME");
        String password = environment.get("MLFLOW_TRACKING_PASSWORD");
        String token = environment.get("MLFLOW_TRACKING_TOKEN");
        if (username != null && password != null) {
            String pair = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(UTF_8));
            List<String> secrets = new ArrayList<>(List.of(pair, username + ":" + password));
            // a one-letter password would blank out every such letter of every message; the encoded pair still goes
            if (password.length() >= 4) {
                secrets.add(password);
            }
            return new MlflowCredentials(Optional.of("Basic " + pair), secrets);
        }
        if (token != null && !token.isBlank()) {
            return new MlflowCredentials(Optional.of("Bearer " + token), List.of(token));
        }
        return new MlflowCredentials(Optional.empty(), List.of());
    }

    /** The value of the {@code Authorization} header, when credentials were given. */
    Optional<String> authorization()
    {
        return authorization;
    }

    boolean present()
    {
        return authorization.isPresent();
    }

    /** {@code text} with these credentials and anything shaped like an {@code Authorization} header replaced by {@value #HIDDEN}. */
    String scrub(String text)
    {
        String scrubbed = text;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, HIDDEN);
        }
        scrubbed = HEADER_AND_VALUE.matcher(scrubbed).replaceAll("$1" + HIDDEN);
        // a word after "basic" in plain prose goes too: a hidden word costs less than a shown credential
        return SCHEME_AND_VALUE.matcher(scrubbed).replaceAll("$1$2" + HIDDEN);
    }

    @Override
    public String toString()
    {
        return authorization.isPresent() ? "credentials from the environment" : "no credentials";
    }
}
