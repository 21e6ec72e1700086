package io.minimax.spi;

/**
 * Marker for the immutable configuration of one plugin instance: a {@code record} whose components are the
 * descriptor keys of its section (besides {@code type}). The canonical constructor validates every component with
 * {@link SpecChecks} and reports all problems at once. Components carry {@link Param} for documentation and defaults.
 */
public interface PluginSpec
{
}
