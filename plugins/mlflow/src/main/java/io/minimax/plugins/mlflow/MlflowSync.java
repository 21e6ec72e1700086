package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunStatus;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * {@code minimax sync}: replays journaled runs into an MLflow server, idempotently. Runs are grouped back into their
 * sweeps (parent run, nested children); each run is brought up to date by {@link RunReplay}. Runs still RUNNING in
 * the journal are left alone: they are in progress, and a live tracker may own them. A run whose process died comes
 * here as FAILED (the CLI's journal reader tells it apart), and is mirrored with its reason in {@code minimax.error}. When
 * the server goes away the remaining runs are reported as not sent, and a later sync picks them up.
 */
public final class MlflowSync
{
    private final MlflowApi api;
    private final RunReplay runs;
    private final SweepReplay sweeps;
    private final Map<String, String> experimentIds = new HashMap<>();

    private MlflowSync(MlflowApi api)
    {
        this.api = requireNonNull(api, "api is null");
        this.runs = new RunReplay(api);
        this.sweeps = new SweepReplay(api);
    }

    /** Throws {@link IllegalArgumentException} for an address that is not a tracking URI, saying why. */
    public static MlflowSync connect(String trackingUri, Map<String, String> environment)
    {
        return new MlflowSync(MlflowTrackerFactory.api(TrackingUri.parse(trackingUri), environment));
    }

    /** The name the journal's {@code mirrors.json} keeps this server's runs under. */
    public String store()
    {
        return api.server().store();
    }

    public String server()
    {
        return api.server().toString();
    }

    /** Syncs {@code journal} in order, reporting each run as it is done. */
    public List<SyncReport> sync(List<JournalRun> journal, Consumer<SyncReport> done)
    {
        Map<String, List<JournalRun>> groups = new LinkedHashMap<>();
        for (JournalRun run : journal) {
            groups.computeIfAbsent(run.sweepId().map(id -> "sweep " + id).orElse("run " + run.info().id()), key -> new ArrayList<>())
                    .add(run);
        }
        List<SyncReport> reports = new ArrayList<>();
        Optional<String> away = Optional.empty();
        for (List<JournalRun> group : groups.values()) {
            if (away.isPresent()) {
                for (JournalRun run : group) {
                    report(notSent(run, away.get()), reports, done);
                }
                continue;
            }
            try {
                syncGroup(group, reports, done);
            }
            catch (MlflowException e) {
                if (!e.serverAway()) {
                    group.stream().filter(run -> reports.stream().noneMatch(report -> report.run() == run))
                            .forEach(run -> report(notSent(run, e.getMessage()), reports, done));
                    continue;
                }
                away = Optional.of(e.getMessage());
                for (JournalRun run : group) {
                    if (reports.stream().noneMatch(report -> report.run() == run)) {
                        report(notSent(run, e.getMessage()), reports, done);
                    }
                }
            }
        }
        return reports;
    }

    private void syncGroup(List<JournalRun> group, List<SyncReport> reports, Consumer<SyncReport> done)
            throws MlflowException
    {
        List<JournalRun> ended = group.stream().filter(run -> run.status() != RunStatus.RUNNING).toList();
        group.stream().filter(run -> run.status() == RunStatus.RUNNING)
                .forEach(run -> report(notSent(run, "still RUNNING in the journal (in progress): left alone"), reports,
                        done));
        if (ended.isEmpty()) {
            return;
        }
        String experimentId = experimentId(ended.get(0).info().experiment());
        Optional<String> parent = ended.get(0).sweepId().isPresent() ? Optional.of(sweeps.parent(group, experimentId)) : Optional.empty();
        for (JournalRun run : ended) {
            try {
                report(runs.replay(run, experimentId, parent), reports, done);
            }
            catch (MlflowException e) {
                if (e.serverAway()) {
                    throw e;
                }
                report(notSent(run, e.getMessage()), reports, done);
            }
        }
        if (parent.isPresent()) {
            sweeps.finish(parent.get(), group);
        }
    }

    private String experimentId(String name)
            throws MlflowException
    {
        String known = experimentIds.get(name);
        if (known == null) {
            known = api.experimentId(name);
            experimentIds.put(name, known);
        }
        return known;
    }

    /** The MLflow UI's page of an experiment, e.g. {@code http://127.0.0.1:5000/#/experiments/1}. */
    public String experimentPage(String experiment)
            throws MlflowException
    {
        return api.server() + "/#/experiments/" + experimentId(experiment);
    }

    /** The MLflow UI's compare view of the given runs of an experiment. */
    public String comparePage(String experiment, List<String> runIds)
            throws MlflowException
    {
        String runs = runIds.stream().map(id -> "\"" + id + "\"").reduce((first, second) -> first + "," + second).orElse("");
        return api.server() + "/#/compare-runs?runs=" + URLEncoder.encode("[" + runs + "]", UTF_8)
                + "&experiments=" + URLEncoder.encode("[\"" + experimentId(experiment) + "\"]", UTF_8);
    }

    private static SyncReport notSent(JournalRun run, String why)
    {
        // keep what the journal remembers, marked incomplete, so the next sync looks at the run again
        Optional<MirroredRun> mirror = run.known().map(known -> new MirroredRun(known.store(), known.runId(), known.parentRunId(), false));
        return new SyncReport(run, mirror, false, 0, 0, 0, Optional.of(why));
    }

    private static void report(SyncReport report, List<SyncReport> reports, Consumer<SyncReport> done)
    {
        reports.add(report);
        done.accept(report);
    }
}
