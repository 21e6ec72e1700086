package io.minimax.plugins.mlflow;

import io.minimax.spi.PluginContext;
import io.minimax.spi.tracking.RunNesting;
import io.minimax.spi.tracking.Tracker;
import io.minimax.spi.tracking.TrackerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The {@code mlflow} tracker: mirrors runs, and a sweep as a parent run with one child per run. */
public final class MlflowTrackerFactory
        implements TrackerFactory<MlflowTrackerSpec>
{
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long the end of a run waits for its backlog (the last points, the plots, the status): each request has its own timeout. */
    static final long CLOSE_TIMEOUT_MILLIS = 60_000;

    // one per process: a server that is down is reported once, not once per run
    private final MlflowWarnings warnings = new MlflowWarnings();
    private final Map<String, String> environment;
    private final LogBatchObserver observer;

    public MlflowTrackerFactory()
    {
        this(System.getenv());
    }

    MlflowTrackerFactory(Map<String, String> environment)
    {
        this(environment, LogBatchObserver.NONE);
    }

    private MlflowTrackerFactory(Map<String, String> environment, LogBatchObserver observer)
    {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.observer = requireNonNull(observer, "observer is null");
    }

    /** The same trackers, each telling {@code observer} of its metric requests: for measuring a server, not for runs. */
    public MlflowTrackerFactory observedBy(LogBatchObserver observer)
    {
        return new MlflowTrackerFactory(environment, observer);
    }

    @Override
    public String name()
    {
        return "mlflow";
    }

    @Override
    public Class<MlflowTrackerSpec> specClass()
    {
        return MlflowTrackerSpec.class;
    }

    @Override
    public String description()
    {
        return "mirrors runs to an MLflow tracking server as they train (the journal stays the source of truth; see minimax sync)";
    }

    @Override
    public Tracker create(MlflowTrackerSpec spec, PluginContext context)
    {
        return tracker(spec, Optional.empty());
    }

    @Override
    public Optional<RunNesting<MlflowTrackerSpec>> runNesting()
    {
        return Optional.of(this::createChild);
    }

    private Tracker createChild(MlflowTrackerSpec spec, PluginContext context, Tracker parent)
    {
        Optional<MlflowTracker> sweep = parent instanceof MlflowTracker tracker ? Optional.of(tracker) : Optional.empty();
        return tracker(spec, sweep);
    }

    private Tracker tracker(MlflowTrackerSpec spec, Optional<MlflowTracker> parent)
    {
        MlflowApi api = api(spec.trackingUri(), environment, observer);
        return new MlflowTracker(
                tags -> MlflowTracker.isSweep(tags)
                        ? new SweepStream(api, warnings)
                        : new RunStream(api, warnings, parent.flatMap(MlflowTracker::sweep)),
                warnings, api.server(), CLOSE_TIMEOUT_MILLIS, spec.logCheckpoints());
    }

    static MlflowApi api(TrackingUri server, Map<String, String> environment)
    {
        return api(server, environment, LogBatchObserver.NONE);
    }

    private static MlflowApi api(TrackingUri server, Map<String, String> environment, LogBatchObserver observer)
    {
        return new MlflowApi(new MlflowHttp(server, MlflowCredentials.fromEnvironment(environment), environment, CONNECT_TIMEOUT,
                REQUEST_TIMEOUT), observer);
    }
}
