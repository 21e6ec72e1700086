package io.minimax.plugins.networks;

import io.minimax.spi.Plugin;
import io.minimax.spi.network.NetworkFactory;

import java.util.List;

/** Networks built from the hand-written layers of {@code minimax-nn}. */
public final class NetworksPlugin
        implements Plugin
{
    @Override
    public List<NetworkFactory<?>> networks()
    {
        return List.of(new MlpFactory(), new LayersFactory(), new DcganFactory());
    }
}
