package io.minimax.spi;

/**
 * What every extension point's factory has in common: the {@code type} name a descriptor selects it by, and the
 * spec record its section binds to. Each extension point's factory creates its instances as an {@link InstanceFactory}.
 *
 * @param <S> the spec record
 */
public interface PluginFactory<S extends PluginSpec>
{
    /** The {@code type} value in a descriptor, e.g. {@code non-saturating}: lower case, words joined by '-'. */
    String name();

    /** The record the descriptor section binds to; its components are the allowed keys besides {@code type}. */
    Class<S> specClass();

    /** One line for {@code minimax plugins}. */
    default String description()
    {
        return "";
    }
}
