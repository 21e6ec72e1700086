package io.minimax.plugin.support;

import io.minimax.spi.InstanceFactory;
import io.minimax.spi.PluginSpec;

import java.util.function.BiFunction;

import static java.util.Objects.requireNonNull;

/**
 * A factory made of its parts: name, spec class, description and a function from spec and context to the instance.
 * {@link PluginFactories} gives each extension point's factory type one of these.
 */
abstract class DeclaredFactory<S extends PluginSpec, C, T>
        implements InstanceFactory<S, C, T>
{
    private final String name;
    private final Class<S> specClass;
    private final String description;
    private final BiFunction<? super S, ? super C, ? extends T> creation;

    DeclaredFactory(String name, Class<S> specClass, String description, BiFunction<? super S, ? super C, ? extends T> creation)
    {
        this.name = requireNonNull(name, "name is null");
        this.specClass = requireNonNull(specClass, "specClass is null");
        this.description = requireNonNull(description, "description is null");
        this.creation = requireNonNull(creation, "creation is null");
    }

    @Override
    public final String name()
    {
        return name;
    }

    @Override
    public final Class<S> specClass()
    {
        return specClass;
    }

    @Override
    public final String description()
    {
        return description;
    }

    @Override
    public final T create(S spec, C context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return requireNonNull(creation.apply(spec, context), () -> name + " created null");
    }

    @Override
    public String toString()
    {
        return name + " (" + specClass.getSimpleName() + ")";
    }
}
