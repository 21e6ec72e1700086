package io.minimax.archetype;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a plugin author does, end to end: generate a project from this archetype with the README's command, build it
 * with Maven, and load its jar into the shaded CLI with {@code --plugins}: {@code minimax plugins} lists its data
 * source and loss with real versions, and {@code minimax run} trains on them.
 *
 * <p>Where the generated build finds {@code minimax-bom}, {@code minimax-spi}, {@code minimax-plugin-support} and
 * {@code minimax-testkit} (which uses it): they are
 * this reactor's SNAPSHOTs, in no repository yet, and this build must not install them into the developer's own local
 * repository (other checkouts build against it). So the test copies exactly those files, from the reactor's sources
 * and target/ folders, into a private local repository under target/, and the generated build runs with it as
 * {@code maven.repo.local}. Everything else (ND4J, JUnit, Maven's plugins) comes from a settings file whose first
 * repository is the outer build's local repository, read as a file:// remote (so nothing is downloaded twice and an
 * offline build stays offline), then Maven Central as usual; the user's own settings (mirrors, proxies) still apply.
 * Copying the whole local repository instead would not scale with its size; pointing the build at it directly
 * would install our SNAPSHOTs into it.
 */
class PluginArchetypeIT
{
    private static final String VERSION = System.getProperty("minimax.version");
    private static final Path REPOSITORY = Path.of(System.getProperty("minimax.repository")).toAbsolutePath().normalize();
    private static final Path TARGET = REPOSITORY.resolve("framework/plugin-archetype/target");

    @Test
    void aGeneratedPluginProjectBuildsAndRunsInTheCli()
            throws Exception
    {
        Path localRepository = TARGET.resolve("it-repository");
        installReactorArtifacts(localRepository);
        Path settings = writeSettings(TARGET.resolve("it-settings.xml"), localRepository);
        Path work = recreate(TARGET.resolve("it-work"));

        maven(work, settings, localRepository,
                "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("archetype.plugin.version") + ":generate",
                "-DarchetypeGroupId=io.minimax", "-DarchetypeArtifactId=minimax-plugin-archetype", "-DarchetypeVersion=" + VERSION,
                "-DgroupId=org.example", "-DartifactId=my-plugin", "-Dpackage=org.example.myplugin", "-DinteractiveMode=false");
        Path project = work.resolve("my-plugin");
        assertThat(project.resolve("src/main/java/org/example/myplugin/ExamplePlugin.java")).exists();

        String build = maven(project, settings, localRepository, "package");
        assertThat(build).contains("Tests run: 7, Failures: 0, Errors: 0");
        assertThat(project.resolve("target/my-plugin-1.0-SNAPSHOT.jar")).exists();

        // the README's commands: the project's target/ folder holds exactly one jar, so it serves as the plugin folder
        String listing = minimax(project, "plugins", "--plugins", "target");
        assertThat(listing).contains("example-gaussian-blob", "example-least-squares", "[ExamplePlugin 1.0-SNAPSHOT]",
                "[ToyDataPlugin " + VERSION + "]", "x of the centre");
        assertThat(listing).doesNotContain(" dev]");

        String run = minimax(project, "run", "example.yaml", "--plugins", "target", "--runs-dir", work.resolve("runs").toString());
        assertThat(run).contains("FINISHED");
        try (Stream<Path> files = Files.walk(work.resolve("runs"))) {
            Path runFile = files.filter(file -> file.getFileName().toString().equals("run.json")).findFirst().orElseThrow();
            assertThat(Files.readString(runFile)).contains("\"minimax.plugin.ExamplePlugin\" : \"1.0-SNAPSHOT\"",
                    "\"minimax.plugin.ToyDataPlugin\" : \"" + VERSION + "\"");
        }
    }

    /** The BOM has no parent (see its pom), so it repeats the root pom's versions: they must agree. */
    @Test
    void theBomPinsTheVersionsTheFrameworkBuildsWith()
            throws IOException
    {
        String root = Files.readString(REPOSITORY.resolve("pom.xml"));
        String bom = Files.readString(REPOSITORY.resolve("framework/bom/pom.xml"));
        for (String property : List.of("nd4j.version", "javacpp.version", "openblas.version", "junit.version", "assertj.version",
                "slf4j.version")) {
            assertThat(property(bom, property)).as(property).isEqualTo(property(root, property));
        }
        assertThat(bom).contains("<version>" + VERSION + "</version>");
    }

    private static String property(String pom, String name)
    {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as("%s is set", name).isTrue();
        return matcher.group(1);
    }

    private static void installReactorArtifacts(Path localRepository)
            throws IOException
    {
        recreate(localRepository.resolve("io/minimax"));
        install(localRepository, "minimax-parent", REPOSITORY.resolve("pom.xml"), null);
        install(localRepository, "minimax-bom", REPOSITORY.resolve("framework/bom/pom.xml"), null);
        install(localRepository, "minimax-spi", REPOSITORY.resolve("framework/spi/pom.xml"), REPOSITORY.resolve("framework/spi/target"));
        install(localRepository, "minimax-plugin-support", REPOSITORY.resolve("framework/plugin-support/pom.xml"),
                REPOSITORY.resolve("framework/plugin-support/target"));
        install(localRepository, "minimax-testkit", REPOSITORY.resolve("framework/testkit/pom.xml"),
                REPOSITORY.resolve("framework/testkit/target"));
        install(localRepository, "minimax-plugin-archetype", REPOSITORY.resolve("framework/plugin-archetype/pom.xml"), TARGET);
    }

    /** The layout install:install would write; no _remote.repositories file, so Maven treats them as installed here. */
    private static void install(Path localRepository, String artifactId, Path pom, Path target)
            throws IOException
    {
        Path directory = Files.createDirectories(localRepository.resolve("io/minimax").resolve(artifactId).resolve(VERSION));
        Files.copy(pom, directory.resolve(artifactId + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (target != null) {
            Path jar = target.resolve(artifactId + "-" + VERSION + ".jar");
            assertThat(jar).as("built by the reactor before this test").exists();
            Files.copy(jar, directory.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path writeSettings(Path settings, Path localRepository)
            throws IOException
    {
        String outer = Path.of(System.getProperty("outer.local.repository")).toUri().toString();
        String repository = """
                    <id>minimax-outer-local</id><url>%s</url>
                    <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>
                """.formatted(outer);
        Files.writeString(settings, """
                <settings>
                  <localRepository>%s</localRepository>
                  <profiles><profile><id>minimax-outer-local</id>
                    <repositories><repository>%s</repository></repositories>
                    <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>minimax-outer-local</activeProfile></activeProfiles>
                </settings>
                """.formatted(localRepository, repository, repository));
        return settings;
    }

    private static String maven(Path directory, Path settings, Path localRepository, String... arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B",
                "-gs", settings.toString(), "-Dmaven.repo.local=" + localRepository,
                // a file:// repository is not the network: readable in offline mode too
                "-Daether.offline.protocols=file"));
        if (System.getProperty("outer.offline").equals("offline=true")) {
            command.add("-o");
        }
        command.addAll(List.of(arguments));
        return execute(directory, command, 300);
    }

    private static String minimax(Path directory, String... arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", REPOSITORY.resolve("framework/cli/target/minimax.jar").toString()));
        command.addAll(List.of(arguments));
        return execute(directory, command, 120);
    }

    private static String execute(Path directory, List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException
    {
        Path log = Files.createTempFile(TARGET, "it-", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over " + timeoutSeconds + " s; log: " + log);
        }
        String output = Files.readString(log);
        assertThat(process.exitValue()).as("%s in %s exits 0; its output:%n%s", String.join(" ", command), directory, output).isZero();
        return output;
    }

    private static Path recreate(Path directory)
            throws IOException
    {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(directory);
    }
}
