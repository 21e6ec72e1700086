package io.minimax.testkit;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.PluginContext;
import io.minimax.spi.RandomSource;
import io.minimax.spi.network.NetworkContext;
import io.minimax.spi.network.NetworkRole;
import org.nd4j.linalg.api.buffer.DataType;

/** Plugin contexts for tests: a seeded random stream and a data type, as the framework hands them to factories. */
public final class TestContexts
{
    private TestContexts() {}

    public static PluginContext plugin(long seed, DataType dataType)
    {
        return new Plugin(new SeededRandomSource(seed), dataType);
    }

    public static NetworkContext network(long seed, DataType dataType, NetworkRole role, long[] inputShape, long[] outputShape)
    {
        return new Network(new SeededRandomSource(seed), dataType, role, inputShape.clone(), outputShape.clone());
    }

    /** A generator mapping z of {@code priorDimension} to samples of {@code sampleShape}. */
    public static NetworkContext generator(long priorDimension, long[] sampleShape, DataType dataType, long seed)
    {
        return network(seed, dataType, NetworkRole.GENERATOR, new long[] {priorDimension}, sampleShape);
    }

    /** A discriminator mapping samples of {@code sampleShape} to one logit. */
    public static NetworkContext discriminator(long[] sampleShape, DataType dataType, long seed)
    {
        return network(seed, dataType, NetworkRole.DISCRIMINATOR, sampleShape, new long[] {1});
    }

    private record Plugin(RandomSource random, DataType dataType)
            implements PluginContext
    {
    }

    private record Network(RandomSource random, DataType dataType, NetworkRole role, long[] inputShape, long[] outputShape)
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
