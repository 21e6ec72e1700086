package io.minimax.core.plugin.jaronly;

import io.minimax.spi.Plugin;

/** A plugin whose constructor fails, as one with a missing dependency would. */
public final class BrokenTestPlugin
        implements Plugin
{
    public BrokenTestPlugin()
    {
        throw new IllegalStateException("needs a native library that is not installed");
    }
}
