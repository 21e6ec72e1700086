package io.minimax.plugins.mlflow;

import io.minimax.spi.Plugin;
import io.minimax.spi.tracking.TrackerFactory;

import java.util.List;

/** Tracking with MLflow: the {@code mlflow} tracker; {@link MlflowSync} replays journals for {@code minimax sync}. */
public final class MlflowPlugin
        implements Plugin
{
    @Override
    public List<TrackerFactory<?>> trackers()
    {
        return List.of(new MlflowTrackerFactory());
    }
}
