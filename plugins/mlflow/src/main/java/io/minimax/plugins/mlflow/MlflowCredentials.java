package io.minimax.plugins.mlflow;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The credentials MLflow's own clients read from the environment: {@code MLFLOW_TRACKING_USERNAME} and
 * {@code MLFLOW_TRACKING_PASSWORD} (basic auth) or {@code MLFLOW_TRACKING_TOKEN} (bearer). They only ever become an
 * {@code Authorization} header: {@link #toString()} hides them, and nothing else of them is kept.
 */
final class MlflowCredentials
{
    private final Optional<String> authorization;

    private MlflowCredentials(Optional<String> authorization)
    {
        this.authorization = requireNonNull(authorization, "authorization is null");
    }

    static MlflowCredentials fromEnvironment(Map<String, String> environment)
    {
        String username = environment.get("MLFLOW_TRACKING_USERNAME");
        String password = environment.get("MLFLOW_TRACKING_PASSWORD");
        String token = environment.get("MLFLOW_TRACKING_TOKEN");
        if (username != null && password != null) {
            return new MlflowCredentials(Optional.of("Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(UTF_8))));
        }
        if (token != null && !token.isBlank()) {
            return new MlflowCredentials(Optional.of("Bearer " + token));
        }
        return new MlflowCredentials(Optional.empty());
    }

    /** The value of the {@code Authorization} header, when credentials were given. */
    Optional<String> authorization()
    {
        return authorization;
    }

    @Override
    public String toString()
    {
        return authorization.isPresent() ? "credentials from the environment" : "no credentials";
    }
}
