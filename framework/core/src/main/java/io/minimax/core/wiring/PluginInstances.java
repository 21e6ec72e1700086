package io.minimax.core.wiring;

import io.minimax.core.descriptor.PluginSelection;
import io.minimax.core.plugin.ExtensionPointKind;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.PluginFactory;

/** Creates the instance a descriptor section selects, with the factory its {@code type} names and the spec bound for it. */
public final class PluginInstances
{
    private PluginInstances() {}

    public static <F extends PluginFactory<?>, C,
            T> T create(PluginRegistry registry, ExtensionPointKind<F, C, T> kind, PluginSelection selection, C context)
    {
        F factory = registry.point(kind).find(selection.type())
                .orElseThrow(() -> new IllegalStateException(selection.path() + ": no " + kind.noun() + " named '" + selection.type()
                        + "'"));
        return kind.create(factory, selection.spec(), context);
    }
}
