package io.minimax.core.plugin;

import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.SharedValues;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Every factory of every discovered plugin, by extension point (the rows of {@link ExtensionPoints}). Built once per
 * process; immutable. A {@code type} registered twice within one extension point is an error naming both plugins.
 */
public final class PluginRegistry
{
    private final List<Plugin> plugins;
    private final Map<ExtensionPointKind<?, ?, ?>, ExtensionPoint<?>> points = new LinkedHashMap<>();
    private final Map<PluginFactory<?>, Plugin> owners = new IdentityHashMap<>();
    private final SharedValues shared = new ProcessSharedValues();

    public PluginRegistry(List<Plugin> plugins)
    {
        this.plugins = List.copyOf(requireNonNull(plugins, "plugins is null"));
        for (ExtensionPointKind<?, ?, ?> kind : ExtensionPoints.ALL) {
            points.put(kind, collect(kind));
        }
    }

    private <F extends PluginFactory<?>> ExtensionPoint<F> collect(ExtensionPointKind<F, ?, ?> kind)
    {
        Map<String, F> byName = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Plugin plugin : plugins) {
            for (F factory : kind.contributions().apply(plugin)) {
                F previous = byName.putIfAbsent(factory.name(), factory);
                if (previous != null) {
                    duplicates.add(kind.noun() + " '" + factory.name() + "' is registered by both "
                            + owners.get(previous).getClass().getName() + " and " + plugin.getClass().getName());
                }
                else {
                    owners.put(factory, plugin);
                }
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException(String.join("; ", duplicates));
        }
        return ExtensionPoint.of(kind, byName);
    }

    public List<Plugin> plugins()
    {
        return plugins;
    }

    /** The plugin that contributed {@code factory}. */
    public Plugin ownerOf(PluginFactory<?> factory)
    {
        Plugin owner = owners.get(factory);
        if (owner == null) {
            throw new IllegalArgumentException("not a registered factory: " + factory.name());
        }
        return owner;
    }

    /**
     * What the plugins load once and share (data sets read from disk), for every run built with this registry: as a
     * process builds one registry, they are loaded once per process.
     */
    public SharedValues shared()
    {
        return shared;
    }

    /** The factories registered for {@code kind}. */
    public <F extends PluginFactory<?>> ExtensionPoint<F> point(ExtensionPointKind<F, ?, ?> kind)
    {
        ExtensionPoint<?> point = points.get(requireNonNull(kind, "kind is null"));
        if (point == null) {
            throw new IllegalArgumentException("not a row of ExtensionPoints: " + kind.noun());
        }
        @SuppressWarnings("unchecked") // collect(kind) built it from kind's own contributions
        ExtensionPoint<F> typed = (ExtensionPoint<F>) point;
        return typed;
    }

    /** All extension points, in the order of {@link ExtensionPoints#ALL}, for listings. */
    public List<ExtensionPoint<?>> extensionPoints()
    {
        return List.copyOf(points.values());
    }
}
