package io.minimax.spi.tracking;

import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;

/** Creates a tracker named in a descriptor's {@code tracking:} section. */
public interface TrackerFactory<S extends PluginSpec>
        extends PluginFactory<S>
{
    Tracker create(S spec, PluginContext context);
}
