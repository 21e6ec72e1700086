package io.minimax.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One level of {@code minimax bench tracking-load}: what an MLflow server accepted while {@code runs} simulated runs
 * streamed to it for {@code seconds}, counted from the {@code log-batch} requests of metrics that ended inside that
 * window. Offered is what the runs logged; accepted below offered means the server fell behind (the runs' queues grow,
 * and once full, points are left to {@code minimax sync}).
 *
 * @param p50Millis median latency of a {@code log-batch} request, nearest rank; 0 without requests
 * @param p99Millis 99th percentile, nearest rank
 * @param unstartedRuns runs never created on the server (it did not answer their first requests within the timeout)
 * @param incompleteRuns runs whose mirror ended incomplete: a failed request, a full queue, or not drained in time
 * @param loadAverage the machine's 1-minute load average at the end of the window, or -1 where the system has none
 */
record TrackingLoadLevel(int runs, double seconds, double offeredPointsPerSecond, long acceptedPoints, int batches, int failedBatches,
        double p50Millis, double p99Millis, double maxMillis, int unstartedRuns, int incompleteRuns, double drainSeconds,
        double loadAverage,
        Optional<String> firstFailure)
{
    /** One metrics request as the tracker reported it: when it ended, its size, its latency, and why it failed. */
    record Batch(long endNanos, int points, long nanos, Optional<String> failure)
    {
        Batch
        {
            requireNonNull(failure, "failure is null");
        }
    }

    TrackingLoadLevel
    {
        requireNonNull(firstFailure, "firstFailure is null");
        if (runs <= 0 || seconds <= 0) {
            throw new IllegalArgumentException("runs and seconds must be positive: " + runs + ", " + seconds);
        }
    }

    /**
     * The level from every batch reported: only those that ended within [{@code windowStart}, {@code windowEnd})
     * (nanoTime) count, so that starting the runs and draining them do not.
     */
    static TrackingLoadLevel of(int runs, double pointsPerSecondPerRun, long windowStart, long windowEnd, List<Batch> reported,
            int unstartedRuns, int incompleteRuns, double drainSeconds, double loadAverage)
    {
        List<Batch> inWindow = reported.stream().filter(batch -> batch.endNanos() >= windowStart && batch.endNanos() < windowEnd).toList();
        long accepted = inWindow.stream().filter(batch -> batch.failure().isEmpty()).mapToLong(Batch::points).sum();
        long[] latencies = inWindow.stream().mapToLong(Batch::nanos).sorted().toArray();
        Optional<String> firstFailure = reported.stream().map(Batch::failure).flatMap(Optional::stream).findFirst();
        int failed = (int) inWindow.stream().filter(batch -> batch.failure().isPresent()).count();
        return new TrackingLoadLevel(runs, (windowEnd - windowStart) / 1e9, runs * pointsPerSecondPerRun, accepted, inWindow.size(), failed,
                percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6,
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, unstartedRuns, incompleteRuns, drainSeconds, loadAverage,
                firstFailure);
    }

    /** Nearest rank: the smallest value with at least {@code percent} % of the values at or below it; 0 for none. */
    static long percentile(long[] sorted, int percent)
    {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    double acceptedPointsPerSecond()
    {
        return acceptedPoints / seconds;
    }

    /** Accepted over offered, in percent. */
    double acceptedPercent()
    {
        return acceptedPointsPerSecond() / offeredPointsPerSecond() * 100;
    }

    String line()
    {
        return String.format("%4d runs: offered %,9.0f points/s, accepted %,9.0f points/s (%3.0f %%);"
                + " log-batch p50 %,7.1f ms, p99 %,7.1f ms, max %,7.1f ms over %,d requests, %d failed;"
                + " %d of %d runs not started, %d incomplete; drained in %.1f s; load average %s",
                runs, offeredPointsPerSecond, acceptedPointsPerSecond(), acceptedPercent(), p50Millis, p99Millis, maxMillis, batches,
                failedBatches, unstartedRuns, runs, incompleteRuns, drainSeconds,
                loadAverage < 0 ? "n/a" : String.format("%.2f", loadAverage))
                + firstFailure.map(failure -> "; first failure: " + failure).orElse("");
    }

    Map<String, Object> json()
    {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runs", runs);
        json.put("seconds", seconds);
        json.put("offeredPointsPerSecond", offeredPointsPerSecond);
        json.put("acceptedPointsPerSecond", acceptedPointsPerSecond());
        json.put("acceptedPoints", acceptedPoints);
        json.put("logBatchRequests", batches);
        json.put("failedRequests", failedBatches);
        json.put("p50Millis", p50Millis);
        json.put("p99Millis", p99Millis);
        json.put("maxMillis", maxMillis);
        json.put("unstartedRuns", unstartedRuns);
        json.put("incompleteRuns", incompleteRuns);
        json.put("drainSeconds", drainSeconds);
        json.put("loadAverage", loadAverage);
        firstFailure.ifPresent(failure -> json.put("firstFailure", failure));
        return json;
    }
}
