package io.minimax.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRunJournal
{
    private static final ObjectMapper STRICT_JSON = new ObjectMapper();

    @TempDir
    Path runs;

    private final TestingClock clock = new TestingClock(1_700_000_000_000L);

    @Test
    void createAllocatesTheRunFolder()
            throws IOException
    {
        RunJournal journal = RunJournal.create(runs, "ring-8", "loss=minimax seed=2", clock);
        RunInfo run = journal.info();
        assertThat(run.directory().resolve("artifacts")).isEmptyDirectory();
        journal.writeDescriptor("name: ring-8\nseed: 2\n");

        assertThat(run.id()).matches("[0-9a-f]{32}");
        assertThat(run.directory()).isEqualTo(runs.resolve("ring-8").resolve(run.id()));
        assertThat(run.name()).isEqualTo("loss=minimax seed=2");
        assertThat(run.experiment()).isEqualTo("ring-8");
        assertThat(run.startTime()).isEqualTo(1_700_000_000_000L);
        assertThat(Files.readString(run.directory().resolve("descriptor.yaml"))).isEqualTo("name: ring-8\nseed: 2\n");
        assertThat(leftoverTemporaryFiles(run.directory())).isEmpty();
    }

    @Test
    void aReopenedRunBelongsToTheProcessThatReopensIt()
            throws IOException, CorruptJournalException
    {
        RunJournal journal = RunJournal.create(runs, "ring-8", "ring-8", clock);
        RunInfo run = journal.info();
        journal.runStarted(run, Map.of(), Map.of());
        journal.logMetrics(List.of(new MetricPoint("loss/generator", 1.0, 10, clock.millis()), new MetricPoint("loss/generator", 2.0, 20,
                clock.millis())));
        // a crashed process's record: another pid, on this host
        Path runFile = run.directory().resolve("run.json");
        Files.writeString(runFile, Files.readString(runFile).replaceFirst("\"pid\"\\s*:\\s*\\d+", "\"pid\" : 999999999"));
        assertThat(RunJson.read(Files.readAllBytes(runFile), run.directory()).process().orElseThrow().pid()).isEqualTo(999_999_999L);

        RunJournal reopened = RunJournal.reopen(run.directory(), 10, clock);
        JournaledRun record = RunJson.read(Files.readAllBytes(runFile), run.directory());
        assertThat(record.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(record.process().orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(Files.readString(run.directory().resolve("metrics.jsonl"))).contains("\"step\":10").doesNotContain("\"step\":20");
        reopened.runEnded(RunStatus.FINISHED, Optional.empty());
    }

    @Test
    void theFirstPointOfEachStepTrainedAgainIsKeptAcrossRepeatedResumes()
            throws IOException
    {
        RunJournal journal = RunJournal.create(runs, "ring-8", "ring-8", clock);
        RunInfo run = journal.info();
        journal.runStarted(run, Map.of("train.steps", "50"), Map.of("minimax.version", "1"));
        journal.logMetrics(List.of(new MetricPoint("loss/generator", 1.0, 10, 100), new MetricPoint("loss/generator", 2.0, 20, 200),
                new MetricPoint("loss/generator", 3.0, 30, 300)));

        RunJournal first = RunJournal.reopen(run.directory(), 10, clock);
        assertThat(first.retrained()).containsExactly(new MetricPoint("loss/generator", 2.0, 20, 200),
                new MetricPoint("loss/generator", 3.0, 30, 300));
        assertThat(first.params()).containsEntry("train.steps", "50");
        assertThat(first.tags()).containsEntry("minimax.version", "1");
        // interrupted again after logging step 20 once more, later
        first.logMetrics(List.of(new MetricPoint("loss/generator", 2.0, 20, 900)));

        RunJournal second = RunJournal.reopen(run.directory(), 10, clock);
        assertThat(second.retrained()).containsExactly(new MetricPoint("loss/generator", 2.0, 20, 200),
                new MetricPoint("loss/generator", 3.0, 30, 300));
        RunJournal third = RunJournal.reopen(run.directory(), 20, clock);
        assertThat(third.retrained()).containsExactly(new MetricPoint("loss/generator", 3.0, 30, 300));
        third.runEnded(RunStatus.FINISHED, Optional.empty());
    }

    @Test
    void runJsonFollowsTheRunThroughStartAndEnd()
            throws IOException
    {
        RunJournal journal = RunJournal.create(runs, "ring-8", "ring-8", clock);
        RunInfo run = journal.info();
        journal.runStarted(run, Map.of("train.steps", "5000", "loss.type", "minimax"), Map.of("mlflow.runName", "ring-8"));

        String started = Files.readString(run.directory().resolve("run.json"));
        assertThat(started).contains("\n  \"id\" : \"" + run.id() + "\"");
        JsonNode running = STRICT_JSON.readTree(started);
        assertThat(fieldNames(running)).containsExactly("id", "name", "experiment", "status", "startTime", "endTime", "params", "tags",
                "process");
        assertThat(running.get("process").get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(running.get("process").get("host").asText()).isEqualTo(RunProcess.hostName());
        assertThat(running.get("status").asText()).isEqualTo("RUNNING");
        assertThat(running.get("startTime").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(running.get("endTime").isNull()).isTrue();
        assertThat(running.get("params").get("train.steps").asText()).isEqualTo("5000");
        assertThat(running.get("params").get("loss.type").asText()).isEqualTo("minimax");
        assertThat(running.get("tags").get("mlflow.runName").asText()).isEqualTo("ring-8");

        clock.set(1_700_000_060_000L);
        journal.runEnded(RunStatus.FINISHED, Optional.empty());
        journal.close();

        JsonNode finished = readRunJson(run);
        assertThat(finished.get("status").asText()).isEqualTo("FINISHED");
        assertThat(finished.get("endTime").asLong()).isEqualTo(1_700_000_060_000L);
        assertThat(finished.has("error")).isFalse();
        assertThat(finished.get("params").get("train.steps").asText()).isEqualTo("5000");
        assertThat(leftoverTemporaryFiles(run.directory())).isEmpty();
    }

    @Test
    void failedRunKeepsItsError()
            throws IOException
    {
        RunJournal journal = startedJournal();
        journal.runEnded(RunStatus.FAILED, Optional.of("generator loss is NaN at step 1200"));

        JsonNode failed = readRunJson(journal.info());
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).isEqualTo("generator loss is NaN at step 1200");
    }

    @Test
    void onlyFailedRunsRecordAnError()
            throws IOException
    {
        RunJournal journal = startedJournal();
        journal.runEnded(RunStatus.KILLED, Optional.of("interrupted"));

        JsonNode killed = readRunJson(journal.info());
        assertThat(killed.get("status").asText()).isEqualTo("KILLED");
        assertThat(killed.has("error")).isFalse();
    }

    @Test
    void metricsAreAppendedAsOneJsonObjectPerLine()
            throws IOException
    {
        RunJournal journal = startedJournal();
        journal.logMetrics(List.of(new MetricPoint("loss/discriminator", 1.25, 10, 1000),
                new MetricPoint("loss/generator", 0.5, 10, 1000)));
        Path metrics = journal.info().directory().resolve("metrics.jsonl");
        // flushed on every call, not only at the end
        assertThat(Files.readString(metrics)).isEqualTo(
                "{\"key\":\"loss/discriminator\",\"value\":1.25,\"step\":10,\"timestamp\":1000}\n"
                        + "{\"key\":\"loss/generator\",\"value\":0.5,\"step\":10,\"timestamp\":1000}\n");

        journal.logMetrics(List.of(new MetricPoint("value/estimate", Double.NaN, 20, 2000)));
        assertThat(Files.readAllLines(metrics)).hasSize(3)
                .last().isEqualTo("{\"key\":\"value/estimate\",\"value\":\"NaN\",\"step\":20,\"timestamp\":2000}");
    }

    @Test
    void metricLinesParseBackToTheSamePoints()
            throws IOException
    {
        List<MetricPoint> points = List.of(
                new MetricPoint("loss/generator", 0.6931471805599453, 0, 1),
                new MetricPoint("value/estimate", -Math.log(4), 10, 2),
                new MetricPoint("nan", Double.NaN, 20, 3),
                new MetricPoint("up", Double.POSITIVE_INFINITY, 30, 4),
                new MetricPoint("down", Double.NEGATIVE_INFINITY, 40, 5),
                new MetricPoint("tiny", Double.MIN_VALUE, 50, 6),
                new MetricPoint("huge", -Double.MAX_VALUE, 60, 7),
                new MetricPoint("float", 1.0e-7f, 70, 8),
                new MetricPoint("quote \"and\" \\ tab\t é", 3.0, Long.MAX_VALUE, Long.MAX_VALUE));
        RunJournal journal = startedJournal();
        journal.logMetrics(points);
        journal.runEnded(RunStatus.FINISHED, Optional.empty());

        Path metrics = journal.info().directory().resolve("metrics.jsonl");
        for (String line : Files.readAllLines(metrics)) {
            // a strict parser (no NaN literals allowed) reads every line
            assertThat(STRICT_JSON.readTree(line).isObject()).isTrue();
        }
        JournaledMetrics history = new JournalReader(runs).metrics(journal.info().directory());
        assertThat(history.warnings()).isEmpty();
        assertThat(history.points()).isEqualTo(points);
    }

    @Test
    void firstEndWinsAndLateMetricsAreIgnored()
            throws IOException
    {
        RunJournal journal = startedJournal();
        journal.logMetrics(List.of(new MetricPoint("loss/generator", 0.5, 10, 1000)));
        clock.set(1_700_000_001_000L);
        journal.runEnded(RunStatus.FINISHED, Optional.empty());
        Path metrics = journal.info().directory().resolve("metrics.jsonl");
        String afterEnd = Files.readString(metrics);

        clock.set(1_700_000_002_000L);
        journal.runEnded(RunStatus.KILLED, Optional.empty());
        journal.logMetrics(List.of(new MetricPoint("loss/generator", 0.4, 20, 2000)));
        journal.close();
        journal.close();

        JsonNode record = readRunJson(journal.info());
        assertThat(record.get("status").asText()).isEqualTo("FINISHED");
        assertThat(record.get("endTime").asLong()).isEqualTo(1_700_000_001_000L);
        assertThat(Files.readString(metrics)).isEqualTo(afterEnd);
    }

    @Test
    void killFromAnotherThreadLeavesOnlyWholeLines()
            throws Exception
    {
        RunJournal journal = startedJournal();
        AtomicBoolean stop = new AtomicBoolean();
        List<MetricPoint> batch = new ArrayList<>();
        for (int metric = 0; metric < 8; metric++) {
            batch.add(new MetricPoint("metric/" + metric, metric / 3.0, 0, 0));
        }
        Thread training = new Thread(() -> {
            while (!stop.get()) {
                journal.logMetrics(batch);
            }
        });
        training.start();
        Thread.sleep(50);
        journal.runEnded(RunStatus.KILLED, Optional.empty());
        stop.set(true);
        training.join();

        JournaledMetrics history = new JournalReader(runs).metrics(journal.info().directory());
        assertThat(history.warnings()).isEmpty();
        assertThat(history.points()).isNotEmpty();
        assertThat(history.points().size() % 8).isZero();
        assertThat(readRunJson(journal.info()).get("status").asText()).isEqualTo("KILLED");
    }

    @Test
    void killBeforeStartStillLeavesARunJson()
            throws IOException
    {
        RunJournal journal = RunJournal.create(runs, "ring-8", "ring-8", clock);
        journal.runEnded(RunStatus.KILLED, Optional.empty());
        journal.runStarted(journal.info(), Map.of("seed", "1"), Map.of());

        JsonNode record = readRunJson(journal.info());
        assertThat(record.get("status").asText()).isEqualTo("KILLED");
        assertThat(record.get("params").size()).isZero();
    }

    @Test
    void misuseIsReported()
    {
        RunJournal journal = RunJournal.create(runs, "ring-8", "ring-8", clock);
        assertThatThrownBy(() -> journal.logMetrics(List.of(new MetricPoint("loss", 1, 0, 0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before runStarted");
        RunInfo other = new RunInfo("0".repeat(32), "other", "ring-8", runs.resolve("elsewhere"), 0);
        assertThatThrownBy(() -> journal.runStarted(other, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not run " + "0".repeat(32));
        journal.runStarted(journal.info(), Map.of(), Map.of());
        assertThatThrownBy(() -> journal.runStarted(journal.info(), Map.of(), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
        assertThatThrownBy(() -> journal.runEnded(RunStatus.RUNNING, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot end as RUNNING");
    }

    @Test
    void imagesAreJournaledAndReadBackTheLastOfEachKeyAndStep()
            throws IOException
    {
        RunJournal journal = startedJournal();
        Path directory = journal.info().directory();
        Path first = Files.writeString(directory.resolve("artifacts/samples-step-000000.png"), "png 0");
        Path second = Files.writeString(directory.resolve("artifacts/samples-step-000020.png"), "png 20");
        journal.logImage(first, "samples", 0);
        journal.logImage(second, "samples", 20);
        // a resumed run shows step 20 again
        journal.logImage(second, "samples", 20);

        assertThat(Files.readString(directory.resolve(JournalLayout.IMAGES_FILE))).isEqualTo(
                "{\"key\":\"samples\",\"step\":0,\"timestamp\":1700000000000,\"file\":\"artifacts/samples-step-000000.png\"}\n"
                        + "{\"key\":\"samples\",\"step\":20,\"timestamp\":1700000000000,\"file\":\"artifacts/samples-step-000020.png\"}\n"
                                .repeat(2));
        Files.writeString(directory.resolve(JournalLayout.IMAGES_FILE), "{\"key\":\"samples\",\"step\":40,\"timest",
                StandardOpenOption.APPEND);
        JournaledImages read = new JournalReader(runs).images(directory);
        assertThat(read.images()).containsExactly(new JournaledImage("samples", 0, 1_700_000_000_000L, first),
                new JournaledImage("samples", 20, 1_700_000_000_000L, second));
        assertThat(read.warnings()).singleElement().asString().contains(JournalLayout.IMAGES_FILE + " line 4: ").endsWith("; line skipped");

        assertThatThrownBy(() -> journal.logImage(Files.writeString(runs.resolve("elsewhere.png"), "png"), "samples", 40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not inside the run's folder");
        assertThat(new JournalReader(runs).images(runs.resolve("no-such-run")).images()).isEmpty();
    }

    @Test
    void artifactsAreCopiedUnlessAlreadyInPlace()
            throws IOException
    {
        RunJournal journal = startedJournal();
        Path artifacts = journal.info().directory().resolve("artifacts");
        Path outside = Files.writeString(runs.resolve("loss.png"), "png bytes");

        journal.logArtifact(outside, "plots");
        journal.logArtifact(outside, "");
        assertThat(Files.readString(artifacts.resolve("plots/loss.png"))).isEqualTo("png bytes");
        assertThat(Files.readString(artifacts.resolve("loss.png"))).isEqualTo("png bytes");

        Path inPlace = Files.writeString(artifacts.resolve("samples-step-000500.png"), "samples");
        journal.logArtifact(inPlace, "");
        Path nested = Files.writeString(Files.createDirectories(artifacts.resolve("samples")).resolve("a.csv"), "1,2");
        journal.logArtifact(nested, "samples");
        assertThat(Files.readString(inPlace)).isEqualTo("samples");
        assertThat(Files.readString(nested)).isEqualTo("1,2");
        try (Stream<Path> files = Files.walk(artifacts)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> artifacts.relativize(file).toString()))
                    .containsExactlyInAnyOrder("plots/loss.png", "loss.png", "samples-step-000500.png", "samples/a.csv");
        }

        assertThatThrownBy(() -> journal.logArtifact(outside, "../.."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the run's artifacts folder");
        assertThatThrownBy(() -> journal.logArtifact(runs.resolve("missing.png"), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a file");
    }

    @Test
    void runIdsAreFreshLowercaseHex()
    {
        List<String> ids = new ArrayList<>();
        for (int run = 0; run < 200; run++) {
            ids.add(RunJournal.create(runs, "sweep", "run " + run, clock).info().id());
        }
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{32}"));
        assertThat(runs.resolve("sweep").toFile().list()).hasSize(200);
    }

    @Test
    void takenRunIdIsDrawnAgain()
    {
        String taken = "a".repeat(32);
        String free = "b".repeat(32);
        List<String> draws = new ArrayList<>(List.of(taken, taken, free));
        assertThat(RunJournal.create(runs, "ring-8", "first", clock, () -> draws.remove(0)).info().id()).isEqualTo(taken);
        assertThat(RunJournal.create(runs, "ring-8", "second", clock, () -> draws.remove(0)).info().id()).isEqualTo(free);
        assertThat(draws).isEmpty();
    }

    @Test
    void experimentNameMustBeOneFolder()
    {
        assertThatThrownBy(() -> RunJournal.create(runs, "rings/8", "run", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("experiment name 'rings/8' cannot be a folder name: it contains '/'");
        assertThatThrownBy(() -> RunJournal.create(runs, "..", "run", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("experiment name '..' cannot be a folder name");
        assertThat(runs).isEmptyDirectory();
    }

    private RunJournal startedJournal()
    {
        RunJournal journal = RunJournal.create(runs, "ring-8", "ring-8", clock);
        journal.runStarted(journal.info(), Map.of("seed", "1"), Map.of());
        return journal;
    }

    private static JsonNode readRunJson(RunInfo run)
            throws IOException
    {
        return STRICT_JSON.readTree(Files.readString(run.directory().resolve("run.json"), StandardCharsets.UTF_8));
    }

    private static List<String> fieldNames(JsonNode node)
    {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Path> leftoverTemporaryFiles(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".tmp")).toList();
        }
    }
}
