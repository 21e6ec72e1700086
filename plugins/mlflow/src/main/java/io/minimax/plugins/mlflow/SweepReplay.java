package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunStatus;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The parent run of a journaled sweep (its runs share a {@value SweepTags#SWEEP_ID}): found by the id
 * its runs remember, else by its sweep id tag, else created; after its runs are replayed its statistics and status
 * are brought up to date from their journals.
 */
final class SweepReplay
{
    private static final List<String> INHERITED_TAGS = List.of("mlflow.source.name", "mlflow.source.git.commit", "mlflow.user",
            "minimax.version",
            SweepTags.SWEEP_ID, SweepTags.DEFINITION, SweepTags.SIZE);

    private final MlflowApi api;

    SweepReplay(MlflowApi api)
    {
        this.api = requireNonNull(api, "api is null");
    }

    /** @param runs the sweep's journaled runs, at least one */
    String parent(List<JournalRun> runs, String experimentId)
            throws MlflowException
    {
        for (String known : runs.stream().flatMap(run -> run.known().flatMap(MirroredRun::parentRunId).stream()).distinct().toList()) {
            if (api.run(known).isPresent()) {
                return known;
            }
        }
        String sweepId = runs.get(0).sweepId().orElseThrow();
        Optional<Run> tagged = api.runsTagged(experimentId, SweepTags.SWEEP_ID, sweepId).stream()
                .filter(run -> run.getData().getTagsList().stream().anyMatch(tag -> tag.getKey().equals(SweepTags.ROLE)
                        && tag.getValue().equals(SweepTags.SWEEP_ROLE)))
                .findFirst();
        if (tagged.isPresent()) {
            return tagged.get().getInfo().getRunId();
        }
        JournalRun first = runs.get(0);
        long start = runs.stream().mapToLong(run -> run.info().startTime()).min().orElseThrow();
        Run created = api.createRun(experimentId, first.info().experiment(), start, List.of(MlflowMessages.tag(SweepTags.SWEEP_ID, sweepId),
                MlflowMessages.tag(SweepTags.ROLE, SweepTags.SWEEP_ROLE)));
        Map<String, String> tags = new TreeMap<>();
        INHERITED_TAGS.forEach(key -> Optional.ofNullable(first.tags().get(key)).ifPresent(value -> tags.put(key, value)));
        first.tags().forEach((key, value) -> {
            if (key.startsWith("minimax.plugin.")) {
                tags.put(key, value);
            }
        });
        tags.put(RunNotes.NOTE_TAG, "Sweep of " + tags.getOrDefault(SweepTags.SIZE, "?")
                + " runs, replayed from the journal by minimax sync.\n\n"
                + "```yaml\nsweep:\n" + tags.getOrDefault(SweepTags.DEFINITION, "").indent(2) + "```\n");
        api.logBatch(created.getInfo().getRunId(), List.of(), List.of(), MlflowMessages.tags(tags));
        return created.getInfo().getRunId();
    }

    /** Sends the statistics the parent lacks and its status, as its runs' journals say; returns how many values were sent. */
    int finish(String parentRunId, List<JournalRun> runs)
            throws MlflowException
    {
        Run parent = api.run(parentRunId)
                .orElseThrow(() -> new MlflowException("the sweep's parent run " + parentRunId + " disappeared during sync",
                java.util.OptionalInt.of(404), "RESOURCE_DOES_NOT_EXIST", null));
        List<SweepStatistics.Child> children = new ArrayList<>();
        for (JournalRun run : runs) {
            FinalValues values = new FinalValues();
            values.add(run.metrics());
            children.add(new SweepStatistics.Child(SweepStatistics.Child.sweepValues(run.tags()), values.compute()));
        }
        Map<String, Double> present = parent.getData().getMetricsList().stream()
                .collect(Collectors.toMap(Metric::getKey, Metric::getValue, (first, second) -> second));
        List<Metric> missing = MlflowMessages.metrics(SweepStatistics.of(children, System.currentTimeMillis())).stream()
                .filter(metric -> !present.containsKey(metric.getKey())
                        || Double.doubleToLongBits(present.get(metric.getKey())) != Double.doubleToLongBits(metric.getValue()))
                .toList();
        RunEnd end = end(runs);
        List<RunTag> tags = end.status() == RunStatus.FAILED
                ? MlflowMessages.tags(new TreeMap<>(Map.of(RunNotes.ERROR_TAG, end.error())))
                : List.of();
        api.logBatch(parentRunId, missing, List.of(), tags);
        if (end.status() != RunStatus.RUNNING && !parent.getInfo().getStatus().name().equals(end.status().name())) {
            api.updateRun(parentRunId, MlflowMessages.status(end.status()), end.endTime());
        }
        return missing.size();
    }

    private record RunEnd(RunStatus status, String error, long endTime) {}

    /** As the runner ends a sweep: RUNNING while a run is, FAILED when one failed, KILLED when one was or some never ran. */
    private static RunEnd end(List<JournalRun> runs)
    {
        long endTime = runs.stream().mapToLong(run -> run.endTime().orElse(run.info().startTime())).max().orElseThrow();
        List<JournalRun> failed = runs.stream().filter(run -> run.status() == RunStatus.FAILED).toList();
        int size = Integer.parseInt(runs.get(0).tags().getOrDefault(SweepTags.SIZE, Integer.toString(runs.size())));
        if (runs.stream().anyMatch(run -> run.status() == RunStatus.RUNNING)) {
            return new RunEnd(RunStatus.RUNNING, "", endTime);
        }
        if (!failed.isEmpty()) {
            return new RunEnd(RunStatus.FAILED, failed.size() + " of " + size + " runs failed: "
                    + failed.stream().map(run -> run.info().name() + ": " + run.error().orElse("?")).collect(Collectors.joining("; ")),
                    endTime);
        }
        if (runs.size() < size || runs.stream().anyMatch(run -> run.status() == RunStatus.KILLED)) {
            return new RunEnd(RunStatus.KILLED, "", endTime);
        }
        return new RunEnd(RunStatus.FINISHED, "", endTime);
    }
}
