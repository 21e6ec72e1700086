package io.minimax.spi.tracking;

import io.minimax.spi.InstanceFactory;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;

/** Creates a tracker named in a descriptor's {@code tracking:} section. */
public interface TrackerFactory<S extends PluginSpec>
        extends InstanceFactory<S, PluginContext, Tracker>
{
}
