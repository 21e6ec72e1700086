package io.minimax.core.plugin;

import io.minimax.core.plugin.jaronly.BrokenTestPlugin;
import io.minimax.core.plugin.jaronly.FailingFactoriesTestPlugin;
import io.minimax.core.plugin.jaronly.JarOnlyTestPlugin;
import io.minimax.core.plugin.jaronly.SameNameTestPlugin;
import io.minimax.spi.loss.LossVariantFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.minimax.core.plugin.PluginJars.hidingTestPlugins;
import static io.minimax.core.plugin.PluginJars.pluginJar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPluginLoader
{
    private static final String JAR_ONLY = JarOnlyTestPlugin.class.getName();

    @Test
    void findsAPluginInThePluginDirectoryThatIsNotOnTheClassPath(@TempDir Path directory)
            throws IOException
    {
        pluginJar(directory.resolve("jar-only.jar"), List.of(JarOnlyTestPlugin.class), List.of(JAR_ONLY));
        Files.writeString(directory.resolve("README.txt"), "not a jar: ignored");

        assertThat(PluginLoader.load(Optional.empty()).point(ExtensionPoints.LOSS_VARIANTS).names()).doesNotContain("jar-only-loss");

        PluginRegistry registry = PluginLoader.load(Optional.of(directory), hidingTestPlugins());
        LossVariantFactory<?> factory = registry.point(ExtensionPoints.LOSS_VARIANTS).find("jar-only-loss").orElseThrow();
        assertThat(registry.ownerOf(factory).getClass().getName()).isEqualTo(JAR_ONLY);
        assertThat(registry.ownerOf(factory).version()).isEqualTo("1.2.3");
        // loaded from the jar by the plugin class loader, not from the test classes
        assertThat(factory.getClass().getName()).isEqualTo(JAR_ONLY + "$JarOnlyLossFactory");
        assertThat(factory.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader()).isInstanceOf(URLClassLoader.class);
    }

    @Test
    void findsPluginsOnTheFrameworkClassPath(@TempDir Path directory)
            throws IOException
    {
        Path jar = pluginJar(directory.resolve("jar-only.jar"), List.of(JarOnlyTestPlugin.class), List.of(JAR_ONLY));
        ClassLoader frameworkClassPath = new URLClassLoader(new URL[] {jar.toUri().toURL()}, hidingTestPlugins());

        PluginRegistry registry = PluginLoader.load(Optional.empty(), frameworkClassPath);

        assertThat(registry.plugins()).extracting(plugin -> plugin.getClass().getName()).containsExactly(JAR_ONLY);
        assertThat(registry.point(ExtensionPoints.LOSS_VARIANTS).names()).containsExactly("jar-only-loss");
    }

    @Test
    void anEmptyPluginDirectoryAddsNothing(@TempDir Path directory)
    {
        assertThat(PluginLoader.load(Optional.of(directory)).plugins()).isEmpty();
    }

    @Test
    void aNameRegisteredTwiceNamesBothPlugins(@TempDir Path temp)
            throws IOException
    {
        Path directory = Files.createDirectory(temp.resolve("plugins"));
        Path builtIn = pluginJar(temp.resolve("built-in.jar"), List.of(JarOnlyTestPlugin.class), List.of(JAR_ONLY));
        pluginJar(directory.resolve("same-name.jar"), List.of(SameNameTestPlugin.class), List.of(SameNameTestPlugin.class.getName()));
        ClassLoader frameworkClassPath = new URLClassLoader(new URL[] {builtIn.toUri().toURL()}, hidingTestPlugins());

        assertThatThrownBy(() -> PluginLoader.load(Optional.of(directory), frameworkClassPath))
                .isInstanceOf(PluginLoadingException.class)
                .hasMessage("cannot register the plugins: loss 'jar-only-loss' is registered by both " + JAR_ONLY + " and "
                        + SameNameTestPlugin.class.getName());
    }

    @Test
    void aMissingPluginDirectoryIsNamed(@TempDir Path temp)
    {
        Path missing = temp.resolve("missing");
        assertThatThrownBy(() -> PluginLoader.load(Optional.of(missing)))
                .isInstanceOf(PluginLoadingException.class)
                .hasMessage("plugin directory " + missing + " does not exist");
    }

    @Test
    void aPluginDirectoryThatIsAFileIsNamed(@TempDir Path temp)
            throws IOException
    {
        Path file = Files.writeString(temp.resolve("plugins.jar"), "not a directory");
        assertThatThrownBy(() -> PluginLoader.load(Optional.of(file)))
                .isInstanceOf(PluginLoadingException.class)
                .hasMessage("plugin directory " + file + " is not a directory");
    }

    @Test
    void aJarThatCannotBeOpenedIsNamed(@TempDir Path directory)
            throws IOException
    {
        Path broken = Files.writeString(directory.resolve("broken.jar"), "not a zip file");
        assertThatThrownBy(() -> PluginLoader.load(Optional.of(directory)))
                .isInstanceOf(PluginLoadingException.class)
                .hasMessageStartingWith("cannot open plugin jar " + broken + ": ");
    }

    @Test
    void aListedPluginClassThatIsMissingIsNamed(@TempDir Path directory)
            throws IOException
    {
        pluginJar(directory.resolve("missing-class.jar"), List.of(), List.of("org.example.NoSuchPlugin"));
        assertThatThrownBy(() -> PluginLoader.load(Optional.of(directory)))
                .isInstanceOf(PluginLoadingException.class)
                .hasMessage("cannot load a plugin: io.minimax.spi.Plugin: Provider org.example.NoSuchPlugin not found");
    }

    @Test
    void aPluginThatFailsToConstructIsNamedWithTheCause(@TempDir Path directory)
            throws IOException
    {
        pluginJar(directory.resolve("broken.jar"), List.of(BrokenTestPlugin.class), List.of(BrokenTestPlugin.class.getName()));
        assertThatThrownBy(() -> PluginLoader.load(Optional.of(directory), hidingTestPlugins()))
                .isInstanceOf(PluginLoadingException.class)
                .hasMessageContaining("cannot load a plugin: ")
                .hasMessageContaining(BrokenTestPlugin.class.getName())
                .hasMessageContaining("needs a native library that is not installed");
    }

    @Test
    void aPluginThatCannotListItsFactoriesIsNamed(@TempDir Path directory)
            throws IOException
    {
        pluginJar(directory.resolve("failing.jar"), List.of(FailingFactoriesTestPlugin.class),
                List.of(FailingFactoriesTestPlugin.class.getName()));
        assertThatThrownBy(() -> PluginLoader.load(Optional.of(directory), hidingTestPlugins()))
                .isInstanceOf(PluginLoadingException.class)
                .hasMessage("cannot register the plugins: data sources are not configured");
    }
}
