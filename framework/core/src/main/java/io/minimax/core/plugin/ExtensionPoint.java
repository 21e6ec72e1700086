package io.minimax.core.plugin;

import io.minimax.spi.PluginFactory;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The factories registered for one extension point, by {@code type} name.
 *
 * @param kind which extension point, a row of {@link ExtensionPoints}
 */
public record ExtensionPoint<F extends PluginFactory<?>>(ExtensionPointKind<F, ?, ?> kind, SortedMap<String, F> factories)
{
    public ExtensionPoint
    {
        requireNonNull(kind, "kind is null");
        factories = Collections.unmodifiableSortedMap(new TreeMap<>(factories));
    }

    /** How errors name the point: "data source", "loss", … */
    public String noun()
    {
        return kind.noun();
    }

    /** The descriptor section it is selected in, e.g. {@code loss}. */
    public String section()
    {
        return kind.section();
    }

    public Optional<F> find(String name)
    {
        return Optional.ofNullable(factories.get(name));
    }

    public Set<String> names()
    {
        return factories.keySet();
    }

    static <F extends PluginFactory<?>> ExtensionPoint<F> of(ExtensionPointKind<F, ?, ?> kind, Map<String, F> factories)
    {
        return new ExtensionPoint<>(kind, new TreeMap<>(factories));
    }
}
