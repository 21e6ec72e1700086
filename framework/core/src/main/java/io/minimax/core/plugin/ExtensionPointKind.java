package io.minimax.core.plugin;

import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;

import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@link ExtensionPoints}: everything the framework needs to know about an extension point to collect its
 * factories, list them, find the one a descriptor section selects and create an instance with it.
 *
 * @param noun how errors name one of its plugins: "data source", "loss", …
 * @param plural how listings name several: "data sources", "losses", …
 * @param section its descriptor section, for listings and fixtures, e.g. {@code loss}
 * @param descriptorKeys the top-level descriptor keys whose sections select one of its factories
 * @param contributions what one plugin contributes to it
 * @param creation how a factory of it creates an instance from a bound spec and a context
 * @param <F> its factory type
 * @param <C> the context its factories receive
 * @param <T> what its factories create
 */
public record ExtensionPointKind<F extends PluginFactory<?>, C, T>(
        String noun,
        String plural,
        String section,
        List<String> descriptorKeys,
        Function<Plugin, List<F>> contributions,
        Creation<F, C, T> creation)
{
    public ExtensionPointKind
    {
        requireNonNull(noun, "noun is null");
        requireNonNull(plural, "plural is null");
        requireNonNull(section, "section is null");
        descriptorKeys = List.copyOf(descriptorKeys);
        requireNonNull(contributions, "contributions is null");
        requireNonNull(creation, "creation is null");
    }

    /** Creates an instance with {@code factory}, whose spec class {@code spec} must be an instance of. */
    public T create(F factory, PluginSpec spec, C context)
    {
        return creation.create(factory, spec, context);
    }

    @FunctionalInterface
    public interface Creation<F, C, T>
    {
        T create(F factory, PluginSpec spec, C context);
    }
}
