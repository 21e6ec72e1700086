package io.minimax.spi;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Framework services handed to a factory when it creates a plugin instance for one run. Plugins take what they need
 * from here and never from statics, so runs stay independent and reproducible.
 */
public interface PluginContext
{
    /**
     * A random stream for this plugin instance alone, derived from the run seed and the plugin's place in the
     * descriptor: the same descriptor and seed give the same draws.
     */
    RandomSource random();

    /** The floating-point type the run computes in (FLOAT for training; DOUBLE in gradient checks). */
    DataType dataType();

    /**
     * Values to load once per process and share with every other run and lane (a data set read from disk). The default
     * shares nothing: contexts made outside the framework load on every request.
     */
    default SharedValues shared()
    {
        return SharedValues.unshared();
    }
}
