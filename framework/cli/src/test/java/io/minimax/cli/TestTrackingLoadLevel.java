package io.minimax.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.minimax.cli.CliHarness.minimax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic of {@code minimax bench tracking-load}'s report; the measurement itself is not timed in tests. */
class TestTrackingLoadLevel
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void percentilesAreNearestRank()
    {
        long[] hundred = new long[100];
        for (int i = 0; i < hundred.length; i++) {
            hundred[i] = i + 1;
        }
        assertThat(TrackingLoadLevel.percentile(hundred, 50)).isEqualTo(50);
        assertThat(TrackingLoadLevel.percentile(hundred, 99)).isEqualTo(99);
        assertThat(TrackingLoadLevel.percentile(new long[] {7, 9, 30}, 50)).isEqualTo(9);
        // with fewer than 100 requests the 99th percentile is the slowest one
        assertThat(TrackingLoadLevel.percentile(new long[] {7, 9, 30}, 99)).isEqualTo(30);
        assertThat(TrackingLoadLevel.percentile(new long[] {4}, 50)).isEqualTo(4);
        assertThat(TrackingLoadLevel.percentile(new long[0], 99)).isZero();
    }

    @Test
    void onlyRequestsEndingInTheWindowCountAndFailedOnesAcceptNothing()
    {
        long start = 10 * SECOND;
        long end = 20 * SECOND;
        List<TrackingLoadLevel.Batch> batches = List.of(
                // the ramp and the drain: outside the window
                new TrackingLoadLevel.Batch(start - 1, 1000, 5_000_000, Optional.empty()),
                new TrackingLoadLevel.Batch(end, 1000, 900_000_000, Optional.of("late")),
                new TrackingLoadLevel.Batch(start, 1000, 100_000_000, Optional.empty()),
                new TrackingLoadLevel.Batch(start + SECOND, 1000, 300_000_000, Optional.empty()),
                new TrackingLoadLevel.Batch(start + 2 * SECOND, 1000, 200_000_000,
                        Optional.of("POST runs/log-batch: no answer from http://127.0.0.1:5000 within 10000 ms")),
                new TrackingLoadLevel.Batch(end - 1, 500, 400_000_000, Optional.empty()));

        TrackingLoadLevel level = TrackingLoadLevel.of(4, 1400, start, end, batches, 0, 1, 2.5, 3.25);

        assertThat(level.seconds()).isEqualTo(10.0);
        assertThat(level.offeredPointsPerSecond()).isEqualTo(5600.0);
        assertThat(level.acceptedPoints()).isEqualTo(2500);
        assertThat(level.acceptedPointsPerSecond()).isEqualTo(250.0);
        assertThat(level.acceptedPercent()).isCloseTo(250.0 / 5600 * 100, within(1e-12));
        assertThat(level.batches()).isEqualTo(4);
        assertThat(level.failedBatches()).isEqualTo(1);
        // latencies 100, 200, 300, 400 ms: nearest rank
        assertThat(level.p50Millis()).isEqualTo(200.0);
        assertThat(level.p99Millis()).isEqualTo(400.0);
        assertThat(level.maxMillis()).isEqualTo(400.0);
        // the first failure reported, in or out of the window, is the one shown
        assertThat(level.firstFailure()).contains("late");
        assertThat(level.line()).isEqualTo("   4 runs: offered     5,600 points/s, accepted       250 points/s (  4 %);"
                + " log-batch p50   200.0 ms, p99   400.0 ms, max   400.0 ms over 4 requests, 1 failed;"
                + " 0 of 4 runs not started, 1 incomplete; drained in 2.5 s; load average 3.25; first failure: late");
        assertThat(level.json()).containsEntry("acceptedPointsPerSecond", 250.0).containsEntry("p99Millis", 400.0)
                .containsEntry("failedRequests", 1).containsEntry("unstartedRuns", 0).containsEntry("incompleteRuns", 1)
                .containsEntry("loadAverage", 3.25);
    }

    @Test
    void aQuietWindowReportsZerosAndNoLoadAverageWhereTheSystemHasNone()
    {
        TrackingLoadLevel level = TrackingLoadLevel.of(1, 1400, 0, 5 * SECOND, List.of(), 1, 1, 0.1, -1);

        assertThat(level.acceptedPointsPerSecond()).isZero();
        assertThat(level.p99Millis()).isZero();
        assertThat(level.line()).endsWith("1 of 1 runs not started, 1 incomplete; drained in 0.1 s; load average n/a");
    }

    @Test
    void theToyKeysAreTheEightATrainingStepLogs()
    {
        assertThat(BenchTrackingLoad.ToyKeys.points(30, 1234)).hasSize(8)
                .allSatisfy(point -> assertThat(point.step()).isEqualTo(30))
                .allSatisfy(point -> assertThat(point.timestamp()).isEqualTo(1234));
    }

    @Test
    void trackingLoadWithoutAServerIsOneLineAndExitTwo()
    {
        CliHarness.Result result = minimax("bench", "tracking-load", "--runs", "1,8");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
                .isEqualTo("minimax: tracking-load needs --tracking-uri; --runs, --duration and --rate must be > 0, --ramp >= 0");
    }
}
