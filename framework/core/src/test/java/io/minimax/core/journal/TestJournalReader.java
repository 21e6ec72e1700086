package io.minimax.core.journal;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.APPEND;
import static org.assertj.core.api.Assertions.assertThat;

class TestJournalReader
{
    @TempDir
    Path runs;

    private final TestingClock clock = new TestingClock(1_000);

    @Test
    void listsRunsOfEveryExperimentByStartTime()
    {
        RunJournal second = run("ring-8", "seed=2", 2_000, RunStatus.FINISHED);
        RunJournal first = run("ring-8", "seed=1", 1_000, RunStatus.FAILED);
        RunJournal third = run("grid-25", "grid-25", 3_000, null);

        JournalReader reader = new JournalReader(runs);
        RunListing listing = reader.runs();

        assertThat(reader.experiments()).containsExactly("grid-25", "ring-8");
        assertThat(listing.warnings()).isEmpty();
        assertThat(listing.runs()).extracting(JournaledRun::id)
                .containsExactly(first.info().id(), second.info().id(), third.info().id());
        JournaledRun failed = listing.runs().get(0);
        assertThat(failed.name()).isEqualTo("seed=1");
        assertThat(failed.experiment()).isEqualTo("ring-8");
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.startTime()).isEqualTo(1_000);
        assertThat(failed.endTime()).isEqualTo(OptionalLong.of(1_500));
        assertThat(failed.params()).containsExactly(Map.entry("loss.type", "minimax"), Map.entry("train.steps", "100"));
        assertThat(failed.tags()).containsExactly(Map.entry("mlflow.runName", "seed=1"));
        assertThat(failed.error()).contains("boom");
        assertThat(failed.directory()).isEqualTo(first.info().directory());
        JournaledRun running = listing.runs().get(2);
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(running.endTime()).isEmpty();
        assertThat(running.error()).isEmpty();

        assertThat(reader.runs("ring-8").runs()).extracting(JournaledRun::id).containsExactly(first.info().id(), second.info().id());
    }

    @Test
    void damagedRunsAreReportedAndSkipped()
            throws IOException
    {
        RunJournal good = run("ring-8", "good", 1_000, RunStatus.FINISHED);
        RunJournal truncated = run("ring-8", "truncated", 2_000, RunStatus.FINISHED);
        Path truncatedFile = truncated.info().directory().resolve("run.json");
        String json = Files.readString(truncatedFile);
        Files.writeString(truncatedFile, json.substring(0, json.length() / 2));
        RunJournal badStatus = run("ring-8", "bad status", 3_000, RunStatus.FINISHED);
        Path badStatusFile = badStatus.info().directory().resolve("run.json");
        Files.writeString(badStatusFile, Files.readString(badStatusFile).replace("\"FINISHED\"", "\"DONE\""));
        RunJournal noStart = RunJournal.create(runs, "ring-8", "never started", clock);
        Path missingFile = noStart.info().directory().resolve("run.json");
        Files.writeString(runs.resolve("ring-8").resolve("notes.txt"), "not a run");

        RunListing listing = new JournalReader(runs).runs();

        assertThat(listing.runs()).extracting(JournaledRun::id).containsExactly(good.info().id());
        assertThat(listing.warnings()).hasSize(3);
        assertThat(listing.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith(truncatedFile + ": not valid JSON: Unexpected end-of-input")
                .containsPattern("at line \\d+, column \\d+")
                .endsWith("; run skipped"));
        assertThat(listing.warnings()).anySatisfy(warning -> assertThat(warning)
                .isEqualTo(badStatusFile + ": status 'DONE' is not one of [RUNNING, FINISHED, FAILED, KILLED]; run skipped"));
        assertThat(listing.warnings()).anySatisfy(warning -> assertThat(warning)
                .isEqualTo(missingFile + ": missing (the run was interrupted before it started?); run skipped"));
    }

    @Test
    void runJsonMissingAFieldIsReported()
            throws IOException
    {
        RunJournal journal = run("ring-8", "run", 1_000, RunStatus.FINISHED);
        Path file = journal.info().directory().resolve("run.json");
        Files.writeString(file, "{ \"id\": \"x\", \"name\": \"run\", \"experiment\": \"ring-8\", \"status\": \"FINISHED\" }");

        assertThat(new JournalReader(runs).runs().warnings())
                .containsExactly(file + ": missing field 'startTime'; run skipped");
    }

    @Test
    void truncatedLastMetricLineIsSkippedWithAWarning()
            throws IOException
    {
        RunJournal journal = run("ring-8", "run", 1_000, null);
        journal.logMetrics(List.of(new MetricPoint("loss/generator", 0.7, 10, 5), new MetricPoint("loss/discriminator", 1.3, 10, 5)));
        journal.logMetrics(List.of(new MetricPoint("loss/generator", 0.6, 20, 6)));
        Path metrics = journal.info().directory().resolve("metrics.jsonl");
        // what a kill -9 in the middle of a write leaves behind (the journal itself writes whole lines)
        Files.write(metrics, "{\"key\":\"loss/discriminator\",\"val".getBytes(UTF_8), APPEND);

        JournaledMetrics history = new JournalReader(runs).metrics(journal.info().directory());

        assertThat(history.points()).extracting(MetricPoint::value).containsExactly(0.7, 1.3, 0.6);
        assertThat(history.warnings()).containsExactly(
                metrics + " line 4: truncated (the run was probably killed while writing it); line skipped");
    }

    @Test
    void malformedMetricLinesAreSkippedWithTheirLineNumbers()
            throws IOException
    {
        RunJournal journal = run("ring-8", "run", 1_000, null);
        Path metrics = journal.info().directory().resolve("metrics.jsonl");
        Files.writeString(metrics, """
                {"key":"a","value":1.0,"step":1,"timestamp":1}
                {"key":"a","value":"lots","step":2,"timestamp":2}

                {"key":"a","value":3.0,"timestamp":3}
                [1, 2]
                {"key":"a","value":"-Infinity","step":6,"timestamp":6}
                """, APPEND);

        JournaledMetrics history = new JournalReader(runs).metrics(journal.info().directory());

        assertThat(history.points()).containsExactly(new MetricPoint("a", 1.0, 1, 1), new MetricPoint("a", Double.NEGATIVE_INFINITY, 6, 6));
        assertThat(history.warnings()).containsExactly(
                metrics + " line 2: 'value' is not a number, \"NaN\", \"Infinity\" or \"-Infinity\": \"lots\"; line skipped",
                metrics + " line 4: 'step' is missing or not an integer; line skipped",
                metrics + " line 5: not a JSON object; line skipped");
    }

    @Test
    void latestValuePerKeyIsTheOneAtTheHighestStep()
    {
        JournaledMetrics history = new JournaledMetrics(List.of(
                new MetricPoint("loss/generator", 0.9, 10, 1),
                new MetricPoint("loss/discriminator", 1.4, 10, 1),
                new MetricPoint("loss/generator", 0.5, 30, 3),
                new MetricPoint("loss/generator", 0.7, 20, 2),
                new MetricPoint("loss/discriminator", 1.2, 10, 4)), List.of());

        assertThat(history.latest()).containsExactly(
                Map.entry("loss/discriminator", new MetricPoint("loss/discriminator", 1.2, 10, 4)),
                Map.entry("loss/generator", new MetricPoint("loss/generator", 0.5, 30, 3)));
        assertThat(history.byKey().get("loss/generator")).extracting(MetricPoint::step).containsExactly(10L, 30L, 20L);
        assertThat(history.series("loss/discriminator")).extracting(MetricPoint::value).containsExactly(1.4, 1.2);
    }

    @Test
    void emptyOrMissingPlacesReadAsEmpty()
    {
        JournalReader reader = new JournalReader(runs.resolve("does-not-exist"));
        assertThat(reader.experiments()).isEmpty();
        assertThat(reader.runs().runs()).isEmpty();
        assertThat(reader.runs().warnings()).isEmpty();
        assertThat(reader.runs("ring-8").warnings())
                .containsExactly(runs.resolve("does-not-exist").resolve("ring-8") + ": no such experiment folder");

        RunJournal notStarted = RunJournal.create(runs, "ring-8", "run", clock);
        JournaledMetrics metrics = new JournalReader(runs).metrics(notStarted.info().directory());
        assertThat(metrics.points()).isEmpty();
        assertThat(metrics.warnings()).isEmpty();
    }

    /** A run started at {@code startTime} and, unless {@code status} is null, ended 500 ms later. */
    private RunJournal run(String experiment, String name, long startTime, RunStatus status)
    {
        clock.set(startTime);
        RunJournal journal = RunJournal.create(runs, experiment, name, clock);
        journal.runStarted(journal.info(), Map.of("train.steps", "100", "loss.type", "minimax"), Map.of("mlflow.runName", name));
        if (status != null) {
            clock.set(startTime + 500);
            journal.runEnded(status, Optional.of("boom"));
        }
        return journal;
    }
}
