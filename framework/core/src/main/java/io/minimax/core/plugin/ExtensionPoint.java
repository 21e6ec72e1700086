package io.minimax.core.plugin;

import io.minimax.spi.PluginFactory;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The factories registered for one extension point, by {@code type} name.
 *
 * @param noun how errors name the point: "data source", "loss", …
 * @param section the descriptor section it is selected in, e.g. {@code loss}
 */
public record ExtensionPoint<F extends PluginFactory<?>>(String noun, String section, SortedMap<String, F> factories)
{
    public ExtensionPoint
    {
        requireNonNull(noun, "noun is null");
        requireNonNull(section, "section is null");
        factories = Collections.unmodifiableSortedMap(new TreeMap<>(factories));
    }

    public Optional<F> find(String name)
    {
        return Optional.ofNullable(factories.get(name));
    }

    public java.util.Set<String> names()
    {
        return factories.keySet();
    }

    static <F extends PluginFactory<?>> ExtensionPoint<F> of(String noun, String section, Map<String, F> factories)
    {
        return new ExtensionPoint<>(noun, section, new TreeMap<>(factories));
    }
}
