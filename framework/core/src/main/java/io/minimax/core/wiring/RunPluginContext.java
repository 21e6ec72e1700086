package io.minimax.core.wiring;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.PluginContext;
import io.minimax.spi.RandomSource;
import io.minimax.spi.SharedValues;
import io.minimax.spi.network.NetworkContext;
import io.minimax.spi.network.NetworkRole;
import org.nd4j.linalg.api.buffer.DataType;

import static java.util.Objects.requireNonNull;

/**
 * The context a plugin instance of one run gets: a random stream of its own, the run's data type, and the values
 * shared by every run of the process.
 */
record RunPluginContext(RandomSource random, DataType dataType, SharedValues shared)
        implements PluginContext
{
    RunPluginContext
    {
        requireNonNull(random, "random is null");
        requireNonNull(dataType, "dataType is null");
        requireNonNull(shared, "shared is null");
    }

    /**
     * Each plugin draws from a stream named after its place in the descriptor, so adding a metric or changing the
     * prior leaves the data stream (and every other one) as it was.
     */
    static RunPluginContext forSection(long seed, String sectionPath, DataType dataType, SharedValues shared)
    {
        return new RunPluginContext(new SeededRandomSource(seed).fork(sectionPath), dataType, shared);
    }

    record Network(RandomSource random, DataType dataType, SharedValues shared, NetworkRole role, long[] inputShape, long[] outputShape)
            implements NetworkContext
    {
        @Override
        public long[] inputShape()
        {
            return inputShape.clone();
        }

        @Override
        public long[] outputShape()
        {
            return outputShape.clone();
        }
    }
}
