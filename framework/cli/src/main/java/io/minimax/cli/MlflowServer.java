package io.minimax.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A local {@code mlflow server} for {@code minimax ui}: sqlite store and artifacts under one folder, served on
 * 127.0.0.1 with the artifact proxy on. The executable comes from the repository's {@code .venv} (the one the README
 * and the tests create), else from PATH.
 */
final class MlflowServer
        implements AutoCloseable
{
    static final String PINNED_VERSION = "3.17.2";

    private final Process process;
    private final String url;

    private MlflowServer(Process process, String url)
    {
        this.process = requireNonNull(process, "process is null");
        this.url = requireNonNull(url, "url is null");
    }

    /** {@code .venv/bin/mlflow} under MINIMAX_HOME (set by the launcher) or the working folder, else {@code mlflow} on PATH. */
    static Optional<Path> executable(Map<String, String> environment)
    {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(environment.get("MINIMAX_HOME")).ifPresent(home -> candidates.add(Path.of(home, ".venv", "bin", "mlflow")));
        candidates.add(Path.of(".venv", "bin", "mlflow"));
        for (String folder : environment.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!folder.isBlank()) {
                candidates.add(Path.of(folder, "mlflow"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toAbsolutePath);
    }

    /** The one command that installs the pinned MLflow where {@link #executable} looks first. */
    static String installCommand(Map<String, String> environment)
    {
        String venv = Optional.ofNullable(environment.get("MINIMAX_HOME")).map(home -> home + "/.venv").orElse(".venv");
        return "python3 -m venv " + venv + " && " + venv + "/bin/pip install mlflow==" + PINNED_VERSION;
    }

    static MlflowServer start(Path executable, Path folder, int port, Duration startTimeout)
            throws IOException, InterruptedException
    {
        Path directory = Files.createDirectories(folder).toAbsolutePath();
        Path log = directory.resolve("server.log");
        Process process = new ProcessBuilder(executable.toString(), "server",
                "--backend-store-uri", "sqlite:///" + directory.resolve("mlflow.db"),
                "--artifacts-destination", directory.resolve("artifacts").toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MlflowServer server = new MlflowServer(process, "http://127.0.0.1:" + port);
        if (!server.awaitHealthy(startTimeout)) {
            server.close();
            List<String> lines = Files.readAllLines(log);
            throw new IOException("mlflow server did not answer on port " + port + " within " + startTimeout.toSeconds() + " s; the end of "
                    + log + ":\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        }
        return server;
    }

    /** Whether an MLflow server already answers at {@code url}. */
    static boolean healthy(String url)
    {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean awaitHealthy(Duration timeout)
            throws InterruptedException
    {
        // a fresh sqlite store takes several seconds to migrate before /health answers
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (healthy(url)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    String url()
    {
        return url;
    }

    void waitFor()
            throws InterruptedException
    {
        process.waitFor();
    }

    @Override
    public void close()
    {
        // the server forks workers: end them with it
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
