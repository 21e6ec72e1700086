package io.minimax.core.journal;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cost of one {@link RunJournal#logMetrics} call with the engine's 8 training metrics. Budget: the engine logs every
 * 10 steps of ~5 ms, so 2 % of a step is 1 ms per call. Not part of the build (timings are no assertions); run with
 * {@code mvn -o -pl framework/core test -Dtest=RunJournalBenchmark -Dminimax.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "minimax.benchmark", matches = "true")
class RunJournalBenchmark
{
    private static final List<String> KEYS = List.of("loss/discriminator", "loss/generator", "value/estimate", "discriminator/real",
            "discriminator/fake", "grad_norm/generator", "grad_norm/discriminator", "time/step_ms");

    @TempDir
    Path runs;

    @Test
    void logMetrics()
    {
        RunJournal journal = RunJournal.create(runs, "benchmark", "benchmark", Clock.systemUTC());
        journal.runStarted(journal.info(), Map.of(), Map.of());
        long step = 0;
        for (int round = 0; round < 5; round++) {
            int calls = 20_000;
            long start = System.nanoTime();
            for (int call = 0; call < calls; call++) {
                step += 10;
                journal.logMetrics(batch(step));
            }
            double microseconds = (System.nanoTime() - start) / 1e3 / calls;
            System.out.printf("round %d: %.2f µs per logMetrics call of %d metrics (%.3f %% of 10 steps of 5 ms)%n",
                    round, microseconds, KEYS.size(), microseconds / 50_000 * 100);
        }
        journal.runEnded(RunStatus.FINISHED, Optional.empty());
        journal.close();
    }

    /** Built per call, as the engine does, so its cost is included. */
    private static List<MetricPoint> batch(long step)
    {
        long timestamp = System.currentTimeMillis();
        List<MetricPoint> points = new ArrayList<>(KEYS.size());
        for (int index = 0; index < KEYS.size(); index++) {
            points.add(new MetricPoint(KEYS.get(index), 0.6931471805599453 + step * 1e-7 * index, step, timestamp));
        }
        return points;
    }
}
