package io.minimax.core.wiring;

import io.minimax.spi.RandomSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Every random stream one run's plugins were given, by the descriptor path it is forked for ({@code data},
 * {@code evaluation/prior}, {@code metrics[0]}, ...): what a checkpoint saves and a resumed run restores.
 */
public final class RandomStreams
{
    private final Map<String, RandomSource> streams = new LinkedHashMap<>();

    /** A path registered again (a second injector from the same module) now names the newer stream. */
    synchronized void register(String path, RandomSource source)
    {
        streams.put(requireNonNull(path, "path is null"), requireNonNull(source, "source is null"));
    }

    /** Each stream's {@link RandomSource#position()}, in the order the streams were made. */
    public synchronized Map<String, long[]> positions()
    {
        Map<String, long[]> positions = new LinkedHashMap<>();
        streams.forEach((path, source) -> positions.put(path, source.position()));
        return positions;
    }

    /** Moves every stream to its saved position; a stream saved or made only on one side is an error. */
    public synchronized void restore(Map<String, long[]> positions)
    {
        if (!positions.keySet().equals(streams.keySet())) {
            throw new IllegalArgumentException("the checkpoint's random streams " + positions.keySet() + " are not the run's "
                    + streams.keySet());
        }
        positions.forEach((path, position) -> streams.get(path).restore(position));
    }
}
