package io.minimax.plugins.mlflow;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/**
 * {@code tracking: { type: mlflow, uri: http://127.0.0.1:5000 }}. Credentials never go here: MLflow's variables
 * {@code MLFLOW_TRACKING_USERNAME}/{@code PASSWORD}/{@code TOKEN} supply them.
 */
public record MlflowTrackerSpec(@Param(description = "the tracking server, http(s)://host[:port][/path], without credentials") String uri)
        implements PluginSpec
{
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
                .orThrow();
    }

    public TrackingUri trackingUri()
    {
        return TrackingUri.parse(uri);
    }
}
