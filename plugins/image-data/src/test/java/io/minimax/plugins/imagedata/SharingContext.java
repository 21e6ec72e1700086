package io.minimax.plugins.imagedata;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.PluginContext;
import io.minimax.spi.RandomSource;
import io.minimax.spi.SharedValues;
import org.nd4j.linalg.api.buffer.DataType;

/** A plugin context with a seeded stream and the given shared values, as a run's context is. */
record SharingContext(RandomSource random, DataType dataType, SharedValues shared)
        implements PluginContext
{
    static SharingContext of(long seed, SharedValues shared)
    {
        return new SharingContext(new SeededRandomSource(seed), DataType.FLOAT, shared);
    }
}
