package io.minimax.core.plugin;

import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Discovers every {@link Plugin} once, with {@link ServiceLoader}: those on the framework's class path and those in
 * the {@code *.jar} files of an optional plugin directory, which get one class loader whose parent is the
 * framework's, so they share the SPI classes. Any failure is a {@link PluginLoadingException} naming its cause.
 */
public final class PluginLoader
{
    private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

    private PluginLoader() {}

    /** The plugins on the framework's class path, plus those in {@code pluginDirectory}'s jars when given. */
    public static PluginRegistry load(Optional<Path> pluginDirectory)
    {
        return load(pluginDirectory, PluginLoader.class.getClassLoader());
    }

    /**
     * The plugins visible to {@code frameworkClassLoader}, plus those in {@code pluginDirectory}'s jars, which are
     * loaded by a child of {@code frameworkClassLoader}.
     */
    public static PluginRegistry load(Optional<Path> pluginDirectory, ClassLoader frameworkClassLoader)
    {
        requireNonNull(pluginDirectory, "pluginDirectory is null");
        requireNonNull(frameworkClassLoader, "frameworkClassLoader is null");
        ClassLoader classLoader = frameworkClassLoader;
        if (pluginDirectory.isPresent()) {
            List<Path> jars = pluginJars(pluginDirectory.get());
            // never closed: the plugins' classes are used for as long as the process runs
            classLoader = new URLClassLoader("minimax-plugins", urls(jars), frameworkClassLoader);
            log.debug("Plugin directory {}: {}", pluginDirectory.get(), jars);
        }
        List<Plugin> plugins = discover(classLoader);
        PluginRegistry registry;
        try {
            registry = new PluginRegistry(plugins);
        }
        catch (RuntimeException | LinkageError e) {
            // a duplicate name, or a plugin whose factories fail to load or to list
            throw new PluginLoadingException("cannot register the plugins: " + describe(e), e);
        }
        plugins.forEach(PluginLoader::logRegistered);
        return registry;
    }

    private static List<Path> pluginJars(Path directory)
    {
        if (!Files.exists(directory)) {
            throw new PluginLoadingException("plugin directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new PluginLoadingException("plugin directory " + directory + " is not a directory");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        catch (IOException e) {
            throw new PluginLoadingException("cannot list plugin directory " + directory + ": " + e.getMessage(), e);
        }
        // URLClassLoader skips a jar it cannot open without a word; open each first to say which one is broken
        for (Path jar : jars) {
            try {
                new JarFile(jar.toFile()).close();
            }
            catch (IOException e) {
                throw new PluginLoadingException("cannot open plugin jar " + jar + ": " + e.getMessage(), e);
            }
        }
        return jars;
    }

    private static URL[] urls(List<Path> jars)
    {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            }
            catch (MalformedURLException e) {
                throw new PluginLoadingException("cannot use plugin jar " + jar + ": " + e.getMessage(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static List<Plugin> discover(ClassLoader classLoader)
    {
        List<Plugin> plugins = new ArrayList<>();
        Iterator<Plugin> providers = ServiceLoader.load(Plugin.class, classLoader).iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    return plugins;
                }
                plugins.add(providers.next());
            }
            catch (ServiceConfigurationError | LinkageError e) {
                // a class listed in META-INF/services that is missing, of the wrong type, or fails to construct
                throw new PluginLoadingException("cannot load a plugin: " + describe(e), e);
            }
        }
    }

    private static String describe(Throwable error)
    {
        StringBuilder message = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            message.append(": ").append(cause);
        }
        return message.toString();
    }

    private static void logRegistered(Plugin plugin)
    {
        log.info("Registered plugin {} {}: {}", plugin.getClass().getName(), plugin.version(), contributions(plugin));
        log.debug("Plugin {} loaded from {}", plugin.getClass().getName(), location(plugin));
    }

    private static String contributions(Plugin plugin)
    {
        List<String> parts = new ArrayList<>();
        for (ExtensionPointKind<?, ?, ?> kind : ExtensionPoints.ALL) {
            List<? extends PluginFactory<?>> factories = kind.contributions().apply(plugin);
            if (!factories.isEmpty()) {
                parts.add(kind.plural() + " " + factories.stream().map(PluginFactory::name).collect(Collectors.joining(", ")));
            }
        }
        return parts.isEmpty() ? "no factories" : String.join("; ", parts);
    }

    private static Object location(Plugin plugin)
    {
        var codeSource = plugin.getClass().getProtectionDomain().getCodeSource();
        return codeSource == null ? "an unknown location" : codeSource.getLocation();
    }
}
