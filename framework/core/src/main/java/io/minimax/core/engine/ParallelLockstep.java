package io.minimax.core.engine;

import io.minimax.core.descriptor.TrainSpec;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static java.util.Objects.requireNonNull;

/**
 * The lanes of a lockstep split into contiguous parts, one {@link TrainingLoop} per part, each on a thread of its
 * own: lanes share no numbers, so the split changes no result, and on a machine with T cores T parts train at once
 * (ND4J's own ops and OpenBLAS stay on one thread each: small products run fastest on one). Only the first part reports progress.
 */
public final class ParallelLockstep
{
    private final List<TrainingLoop> parts;

    private ParallelLockstep(List<TrainingLoop> parts)
    {
        this.parts = parts;
    }

    /**
     * Hands the lanes' networks (wired with {@link ParameterOwner#LOCKSTEP}) their vectors, one set per part, then
     * checks that the lanes can share optimizer passes; so even when they cannot, every lane can be trained alone.
     *
     * @param threads how many parts at most; each part gets at least one lane
     * @throws LockstepRefusedException naming why these lanes cannot share one computation
     */
    public static ParallelLockstep create(TrainSpec train, List<Lane> lanes, int threads, TrainingListener listener,
            StopSignal stopSignal, DataType dataType)
            throws LockstepRefusedException
    {
        requireNonNull(lanes, "lanes is null");
        int partCount = Math.max(1, Math.min(threads, lanes.size()));
        List<TrainingLoop> parts = new ArrayList<>();
        int start = 0;
        for (int part = 0; part < partCount && start < lanes.size(); part++) {
            int end = start + (lanes.size() - start) / (partCount - part);
            parts.add(TrainingLoop.lockstep(train, lanes.subList(start, end), part == 0 ? listener : TrainingListener.NONE, stopSignal,
                    dataType));
            start = end;
        }
        if (lanes.size() < 2) {
            throw new LockstepRefusedException("a lockstep needs at least two runs");
        }
        ParameterVectors.checkLanes(lanes.stream().map(Lane::players).toList());
        return new ParallelLockstep(List.copyOf(parts));
    }

    /** Trains every part; returns the lanes' results in lane order. */
    public List<TrainingResult> train()
    {
        if (parts.size() == 1) {
            return parts.get(0).train();
        }
        ExecutorService executor = Executors.newFixedThreadPool(parts.size(), runnable -> {
            Thread thread = new Thread(runnable, "lockstep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<TrainingResult>>> futures = new ArrayList<>();
            for (TrainingLoop part : parts) {
                futures.add(executor.submit(part::train));
            }
            List<TrainingResult> results = new ArrayList<>();
            for (Future<List<TrainingResult>> future : futures) {
                results.addAll(future.get());
            }
            return results;
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training in lockstep", e);
        }
        finally {
            executor.shutdownNow();
        }
    }
}
