package io.minimax.plugins.networks;

import io.minimax.spi.RandomSource;
import io.minimax.spi.network.NetworkContext;
import io.minimax.spi.network.NetworkRole;
import org.nd4j.linalg.api.buffer.DataType;

/** A hand-written {@link NetworkContext} with a seeded random source. */
record TestingNetworkContext(NetworkRole role, long[] inputShape, long[] outputShape, DataType dataType, RandomSource random)
        implements NetworkContext
{
    static TestingNetworkContext generator(long priorDimension, long[] sampleShape, DataType dataType, long seed)
    {
        return new TestingNetworkContext(NetworkRole.GENERATOR, new long[] {priorDimension}, sampleShape, dataType, RandomSource.seeded(seed));
    }

    static TestingNetworkContext discriminator(long[] sampleShape, DataType dataType, long seed)
    {
        return new TestingNetworkContext(NetworkRole.DISCRIMINATOR, sampleShape, new long[] {1}, dataType, RandomSource.seeded(seed));
    }
}
