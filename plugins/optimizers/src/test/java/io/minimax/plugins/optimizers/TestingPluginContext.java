package io.minimax.plugins.optimizers;

import io.minimax.spi.PluginContext;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;

record TestingPluginContext(RandomSource random, DataType dataType)
        implements PluginContext
{
    static PluginContext doubles()
    {
        return new TestingPluginContext(RandomSource.seeded(1), DataType.DOUBLE);
    }
}
