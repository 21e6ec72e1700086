package io.minimax.spi.tracking;

import io.minimax.spi.InstanceFactory;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;

import java.util.Optional;

/** Creates a tracker named in a descriptor's {@code tracking:} section. */
public interface TrackerFactory<S extends PluginSpec>
        extends InstanceFactory<S, PluginContext, Tracker>
{
    /** How the store nests a sweep's runs under a parent run; empty (the default) when it keeps runs side by side. */
    default Optional<RunNesting<S>> runNesting()
    {
        return Optional.empty();
    }
}
