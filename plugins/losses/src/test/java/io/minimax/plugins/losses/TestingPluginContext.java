package io.minimax.plugins.losses;

import io.minimax.spi.PluginContext;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;

/** The context the framework would hand a factory, built directly. */
record TestingPluginContext(RandomSource random, DataType dataType)
        implements PluginContext
{
    static TestingPluginContext doublePrecision()
    {
        return new TestingPluginContext(RandomSource.seeded(42), DataType.DOUBLE);
    }
}
