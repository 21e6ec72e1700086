package io.minimax.plugins.toydata;

import io.minimax.spi.PluginContext;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;

/** The context the framework would hand a factory, built directly. */
record TestingPluginContext(RandomSource random, DataType dataType)
        implements PluginContext
{
    static TestingPluginContext seeded(long seed)
    {
        return new TestingPluginContext(RandomSource.seeded(seed), DataType.DOUBLE);
    }
}
