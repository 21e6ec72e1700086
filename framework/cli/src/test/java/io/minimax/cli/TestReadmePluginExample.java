package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.plugin.ExtensionPoints;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;
import io.minimax.testkit.DataSourceCheck;
import io.minimax.testkit.LossGradientCheck;
import io.minimax.testkit.TestContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin example in README.md, compiled as written, packaged as a plugin jar, and found through
 * {@code --plugins DIR} while it is not on the classpath: the documented way to extend Minimax works.
 */
class TestReadmePluginExample
{
    @Test
    void theReadmeExampleIsAWorkingPluginJar(@TempDir Path temp)
            throws Exception
    {
        Path pluginDirectory = Files.createDirectories(temp.resolve("plugins"));
        buildPluginJar(Map.of("org/example/lsgan/LeastSquaresPlugin", readmeExample("org.example.lsgan"),
                        "org/example/blob/BlobPlugin", readmeExample("org.example.blob")),
                temp.resolve("classes"), pluginDirectory.resolve("readme-examples.jar"));

        CliHarness.Result listing = CliHarness.minimax("plugins", "--plugins", pluginDirectory.toString());
        assertThat(listing.exitCode()).as(listing.err()).isZero();
        assertThat(listing.out()).contains("least-squares-example", "LeastSquaresPlugin", "target for real samples",
                "blob-example", "BlobPlugin", "x of the centre");

        PluginRegistry registry = PluginLoader.load(Optional.of(pluginDirectory));
        LossVariantFactory<?> factory = registry.point(ExtensionPoints.LOSS_VARIANTS).find("least-squares-example").orElseThrow();
        assertThat(factory.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
        String descriptor = PluginFixtures.defaultDescriptor()
                .replace("loss: { type: non-saturating }", "loss: { type: least-squares-example }")
                .replaceFirst("data: \\{[^}]*}", "data: { type: blob-example, x: 1.0, std: 0.5 }");
        assertThat(descriptor).contains("blob-example");
        ExperimentSpec experiment = PluginFixtures.bind(registry, descriptor);
        LossVariant loss = create(factory, experiment.loss().spec());
        LossGradientCheck.check("README example", loss, 6, 1.0, 42);
        checkDataSource(registry.point(ExtensionPoints.DATA_SOURCES).find("blob-example").orElseThrow(), experiment.data().spec());

        Path file = CliHarness.write(temp, "lsgan.yaml", descriptor);
        CliHarness.Result run = CliHarness.minimax("run", file.toString(), "--plugins", pluginDirectory.toString(),
                "--runs-dir", temp.resolve("runs").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static String readmeExample(String packageName)
            throws IOException
    {
        String readme = Files.readString(CliHarness.REPOSITORY.resolve("README.md"));
        Matcher block = Pattern.compile("```java\\n(package " + Pattern.quote(packageName) + ";.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README.md has the plugin example in %s", packageName).isTrue();
        return block.group(1);
    }

    /** @param sources Java source by class path name, e.g. {@code org/example/lsgan/LeastSquaresPlugin} */
    private static void buildPluginJar(Map<String, String> sources, Path classes, Path jar)
            throws IOException
    {
        List<String> arguments = new ArrayList<>(List.of("-d", Files.createDirectories(classes.resolve("out")).toString(),
                "-cp", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path sourceFile = classes.resolve("src").resolve(source.getKey() + ".java");
            Files.createDirectories(sourceFile.getParent());
            Files.writeString(sourceFile, source.getValue());
            arguments.add(sourceFile.toString());
        }
        Path output = classes.resolve("out");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
        assertThat(status).as("the README examples compile").isZero();

        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(output.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.minimax.spi.Plugin"));
            for (String className : sources.keySet()) {
                write(out, className.replace('/', '.') + "\n");
            }
            out.closeEntry();
        }
    }

    private static void write(OutputStream out, String text)
            throws IOException
    {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static <S extends PluginSpec> void checkDataSource(DataSourceFactory<S> factory, PluginSpec spec)
    {
        DataSourceCheck.check("README data source example", factory, factory.specClass().cast(spec));
    }

    private static <S extends PluginSpec> LossVariant create(LossVariantFactory<S> factory, PluginSpec spec)
    {
        return factory.create(factory.specClass().cast(spec), TestContexts.plugin(1, DataType.DOUBLE));
    }
}
