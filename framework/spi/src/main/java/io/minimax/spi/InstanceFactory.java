package io.minimax.spi;

/**
 * A factory that creates one instance for a run from the spec its descriptor section bound and a context of
 * framework services. Every extension point's factory is one, so the framework creates them all the same way.
 *
 * @param <S> the spec record
 * @param <C> the context the extension point hands its factories
 * @param <T> what the factory creates
 */
public interface InstanceFactory<S extends PluginSpec, C, T>
        extends PluginFactory<S>
{
    /** A new instance for one run; the caller owns it. */
    T create(S spec, C context);
}
