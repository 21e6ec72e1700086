package io.minimax.plugins.mlflow;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

import java.util.List;

/**
 * {@code tracking: { type: mlflow, uri: http://127.0.0.1:5000, logCheckpoints: final }}. Credentials never go here:
 * MLflow's variables {@code MLFLOW_TRACKING_USERNAME}/{@code PASSWORD}/{@code TOKEN} supply them.
 */
public record MlflowTrackerSpec(
        @Param(description = "the tracking server, http(s)://host[:port][/path], without credentials")
        String uri,
        @Param(description = "which checkpoints go to the run's artifacts (checkpoints/step-N/): none; final, the one the run ends"
                + " with; or all, each as it is written", defaultValue = "final")
        String logCheckpoints)
        implements PluginSpec
{
    static final String NONE = "none";
    static final String FINAL = "final";
    static final String ALL = "all";

    public MlflowTrackerSpec
    {
        String problem = null;
        if (uri != null) {
            try {
                TrackingUri.parse(uri);
            }
            catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        SpecChecks.check()
                .notNull("uri", uri)
                .that(problem == null, "uri", problem)
                .oneOf("logCheckpoints", logCheckpoints, List.of(NONE, FINAL, ALL))
                .orThrow();
    }

    /** With the final checkpoint logged. */
    public MlflowTrackerSpec(String uri)
    {
        this(uri, FINAL);
    }

    public TrackingUri trackingUri()
    {
        return TrackingUri.parse(uri);
    }
}
