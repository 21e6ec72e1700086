package io.minimax.cli;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code mlflow server} for the integration tests, shared by every test class that asks for one and stopped
 * when the test run ends. On a machine without it, the first use creates {@code <repository>/.venv} and installs the
 * pinned MLflow from PyPI into it (the same venv {@code minimax ui} uses). The server has a fresh sqlite store and
 * artifact folder under {@code target/}, listens on a free port of 127.0.0.1, and is up once {@code /health} answers.
 * {@link #stop()} and {@link #start()} let a test take it away mid-run and bring it back with the same store.
 */
final class MlflowTestServer
        implements ParameterResolver, ExtensionContext.Store.CloseableResource
{
    static final Path VENV = CliHarness.REPOSITORY.resolve(".venv");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path folder;
    private final int port;
    private Process process;

    /** For JUnit's {@code @ExtendWith}; the real instance lives in the root store. */
    MlflowTestServer()
    {
        this.folder = null;
        this.port = 0;
    }

    private MlflowTestServer(Path folder, int port)
    {
        this.folder = folder;
        this.port = port;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context)
    {
        return parameter.getParameter().getType() == MlflowTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
    {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(MlflowTestServer.class, key -> launch(), MlflowTestServer.class);
    }

    private static MlflowTestServer launch()
    {
        try {
            Path executable = installed();
            Path folder = CliHarness.REPOSITORY.resolve("framework/cli/target/mlflow-test-server");
            deleteRecursively(folder);
            Files.createDirectories(folder);
            MlflowTestServer server = new MlflowTestServer(folder, freePort());
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code .venv/bin/mlflow}, installing the pinned version first when it is missing. */
    static synchronized Path installed()
            throws IOException
    {
        Path executable = VENV.resolve("bin/mlflow");
        if (Files.isExecutable(executable) && MlflowServer.PINNED_VERSION.equals(installedVersion())) {
            return executable;
        }
        long start = System.nanoTime();
        if (!Files.isExecutable(VENV.resolve("bin/python"))) {
            run(List.of("python3", "-m", "venv", VENV.toString()), Duration.ofMinutes(2));
        }
        run(List.of(VENV.resolve("bin/pip").toString(), "install", "--disable-pip-version-check", "-q", "mlflow=="
                + MlflowServer.PINNED_VERSION), INSTALL_TIMEOUT);
        System.out.printf("MlflowTestServer: installed mlflow %s into %s in %.0f s%n", MlflowServer.PINNED_VERSION, VENV,
                (System.nanoTime() - start) / 1e9);
        return executable;
    }

    private static String installedVersion()
    {
        try {
            Process version = new ProcessBuilder(VENV.resolve("bin/python").toString(), "-c",
                    "import importlib.metadata as m; print(m.version('mlflow'))")
                    .redirectErrorStream(true).start();
            String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return version.waitFor(60, TimeUnit.SECONDS) && version.exitValue() == 0 ? output : "";
        }
        catch (IOException e) {
            return "";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    String uri()
    {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start()
    {
        try {
            Path executable = installed();
            process = new ProcessBuilder(executable.toString(), "server",
                    "--backend-store-uri", "sqlite:///" + folder.resolve("mlflow.db"),
                    "--artifacts-destination", folder.resolve("artifacts").toString(),
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--workers", "1")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("server.log").toFile()))
                    .start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!MlflowServer.healthy(uri())) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mlflow server did not come up on " + uri() + "; see " + folder.resolve("server.log"));
                }
                Thread.sleep(250);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the server as a crash would: no goodbye to its clients. */
    synchronized void stop()
    {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close()
    {
        stop();
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void run(List<String> command, Duration timeout)
            throws IOException
    {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static void deleteRecursively(Path folder)
            throws IOException
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
