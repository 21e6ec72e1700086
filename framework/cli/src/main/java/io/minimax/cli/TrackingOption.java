package io.minimax.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --tracking-uri URI}, else MLflow's own {@code MLFLOW_TRACKING_URI}: the MLflow server to mirror runs to or
 * sync them into. For {@code minimax run} the option beats the descriptor's {@code tracking:} section, which beats the
 * variable.
 */
final class TrackingOption
{
    static final String ENVIRONMENT_VARIABLE = "MLFLOW_TRACKING_URI";

    @Option(names = "--tracking-uri", paramLabel = "URI",
            description = "MLflow tracking server, e.g. http://127.0.0.1:5000 (default: $MLFLOW_TRACKING_URI). Credentials come from "
                    + "MLFLOW_TRACKING_USERNAME/PASSWORD/TOKEN.")
    String trackingUri;

    /** The option, else the environment variable. */
    Optional<String> uri(Map<String, String> environment)
    {
        if (trackingUri != null) {
            return Optional.of(trackingUri);
        }
        return Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE)).filter(value -> !value.isBlank());
    }

    boolean given()
    {
        return trackingUri != null;
    }

    /** A {@code --set} override that selects the mlflow tracker at {@code uri}. */
    static String override(String uri)
    {
        try {
            Map<String, String> section = new LinkedHashMap<>();
            section.put("type", "mlflow");
            section.put("uri", uri);
            return "tracking=" + new ObjectMapper().writeValueAsString(section);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
