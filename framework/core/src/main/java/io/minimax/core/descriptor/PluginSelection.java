package io.minimax.core.descriptor;

import io.minimax.spi.PluginSpec;

import static java.util.Objects.requireNonNull;

/**
 * A descriptor section that picks a plugin: its {@code type} and the validated spec bound from the other keys.
 *
 * @param path where the section sits in the descriptor, e.g. {@code optimizer.generator} or {@code metrics[0]}
 */
public record PluginSelection(String path, String type, PluginSpec spec)
{
    public PluginSelection
    {
        requireNonNull(path, "path is null");
        requireNonNull(type, "type is null");
        requireNonNull(spec, "spec is null");
    }
}
