package io.minimax.cli;

import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** {@code --plugins DIR}: where plugin jars beyond the built-in ones live. */
final class PluginOptions
{
    @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of plugin jars to load besides the built-in plugins.")
    Path pluginDirectory;

    PluginRegistry registry()
    {
        return PluginLoader.load(Optional.ofNullable(pluginDirectory));
    }
}
