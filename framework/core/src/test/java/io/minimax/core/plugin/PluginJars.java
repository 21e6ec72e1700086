package io.minimax.core.plugin;

import io.minimax.spi.Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds plugin jars from compiled test classes, the way a plugin author's build would package them. */
final class PluginJars
{
    /** Test plugins live here; {@link #hidingTestPlugins()} keeps them off the class path seen by the loader. */
    static final String PLUGIN_PACKAGE = "io.minimax.core.plugin.jaronly.";

    private PluginJars() {}

    /** A jar with {@code classes} (and their nested classes) and a services file naming {@code providers}. */
    static Path pluginJar(Path jar, List<Class<?>> classes, List<String> providers)
            throws IOException
    {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : classes) {
                for (Class<?> member : type.getNestMembers()) {
                    String entry = member.getName().replace('.', '/') + ".class";
                    out.putNextEntry(new JarEntry(entry));
                    try (InputStream classFile = member.getClassLoader().getResourceAsStream(entry)) {
                        classFile.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + Plugin.class.getName()));
            write(out, String.join("\n", providers) + "\n");
            out.closeEntry();
        }
        return jar;
    }

    /**
     * The test class path without the test plugins' classes, so that a plugin found through a jar is loaded from
     * that jar, as it is for a user whose plugin is not on the framework's class path.
     */
    static ClassLoader hidingTestPlugins()
    {
        return new ClassLoader("hiding-test-plugins", PluginJars.class.getClassLoader())
        {
            @Override
            protected Class<?> loadClass(String name, boolean resolve)
                    throws ClassNotFoundException
            {
                if (name.startsWith(PLUGIN_PACKAGE)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
    }

    private static void write(OutputStream out, String text)
            throws IOException
    {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
