package io.minimax.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real one-node Slurm on loopback for the tests: Debian's {@code slurm-wlm} and {@code munge}, installed with
 * apt-get when missing (the tests run as root, as for {@link HeadlessChromium}). Its {@code slurm.conf} names
 * {@code localhost} with this machine's CPUs and free ports; munged's socket and key, the controller's state, the
 * node's spool and the logs live in a temporary folder, deleted by {@link #close}, which also stops the daemons.
 * Slurm's commands find the cluster through {@code SLURM_CONF}, which {@link #minimax} sets for the child processes.
 */
final class SlurmCluster
        implements AutoCloseable
{
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path folder;
    private final Path configuration;

    private SlurmCluster(Path folder)
    {
        this.folder = folder;
        this.configuration = folder.resolve("slurm.conf");
    }

    static SlurmCluster start()
            throws IOException, InterruptedException
    {
        installIfMissing();
        // munged wants its socket's folder open to everyone: not JUnit's 0700 temporary folders
        Path folder = Files.createTempDirectory("minimax-slurm-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        SlurmCluster cluster = new SlurmCluster(folder);
        try {
            cluster.configureAndStart();
        }
        catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void configureAndStart()
            throws IOException, InterruptedException
    {
        for (String name : List.of("munge", "state", "spool", "log")) {
            Files.createDirectories(folder.resolve(name));
        }
        byte[] key = new byte[1024];
        new SecureRandom().nextBytes(key);
        Path keyFile = folder.resolve("munge/munge.key");
        Files.write(keyFile, key);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(folder.resolve("munge"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(configuration, configuration(Runtime.getRuntime().availableProcessors(), freePort(), freePort()));
        MlflowTestServer.run(List.of("munged", "--socket=" + socket(), "--key-file=" + keyFile,
                "--pid-file=" + folder.resolve("munged.pid"), "--log-file=" + folder.resolve("log/munged.log"),
                "--seed-file=" + folder.resolve("munge/munged.seed")), Duration.ofSeconds(30));
        run(List.of("slurmctld", "-f", configuration.toString()));
        run(List.of("slurmd", "-f", configuration.toString()));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!command("sinfo", "-h", "-o", "%T").strip().equals("idle")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Slurm node did not come up idle; see " + folder.resolve("log"));
            }
            Thread.sleep(200);
        }
    }

    private String configuration(int cpus, int controllerPort, int nodePort)
    {
        return String.join("\n",
                "ClusterName=minimax-test",
                "SlurmctldHost=localhost(127.0.0.1)",
                "SlurmctldPort=" + controllerPort,
                "SlurmdPort=" + nodePort,
                "SlurmUser=root",
                "SlurmdUser=root",
                "AuthType=auth/munge",
                "CredType=cred/munge",
                "AuthInfo=socket=" + socket(),
                "StateSaveLocation=" + folder.resolve("state"),
                "SlurmdSpoolDir=" + folder.resolve("spool"),
                "SlurmctldPidFile=" + folder.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + folder.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + folder.resolve("log/slurmctld.log"),
                "SlurmdLogFile=" + folder.resolve("log/slurmd.log"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_CPU",
                "MpiDefault=none",
                "ReturnToService=2",
                // time for a task to checkpoint and journal KILLED after scancel's SIGTERM
                "KillWait=30",
                "SchedulerParameters=batch_sched_delay=0",
                "NodeName=localhost NodeAddr=127.0.0.1 CPUs=" + cpus + " State=UNKNOWN",
                "PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP",
                "");
    }

    private Path socket()
    {
        return folder.resolve("munge/munge.sock");
    }

    Map<String, String> environment()
    {
        return Map.of("SLURM_CONF", configuration.toString());
    }

    /** A Slurm command's output, e.g. {@code command("squeue", "-h")}. */
    String command(String... command)
            throws IOException, InterruptedException
    {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    /** {@code minimax args} in a child JVM that sees this cluster; waits up to 3 minutes. */
    CliHarness.Result minimax(Path output, Map<String, String> environment, String... args)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(
                output.resolveSibling(output.getFileName() + ".err").toFile());
        Map<String, String> variables = new HashMap<>(environment());
        variables.putAll(environment);
        builder.environment().putAll(variables);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("minimax " + String.join(" ", args) + " did not end within 3 minutes");
        }
        return new CliHarness.Result(process.exitValue(), Files.readString(output),
                Files.readString(output.resolveSibling(output.getFileName() + ".err")));
    }

    CliHarness.Result minimax(Path output, String... args)
            throws IOException, InterruptedException
    {
        return minimax(output, Map.of(), args);
    }

    @Override
    public void close()
    {
        for (String daemon : List.of("slurmd", "slurmctld", "munged")) {
            stop(folder.resolve(daemon + ".pid"));
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            // a socket removed by its daemon as it stopped; the rest is in the temporary folder
        }
    }

    /** Stops the daemon whose pid file this is (only that process), waiting for it to go. */
    private static void stop(Path pidFile)
    {
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                process.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(timeout -> {
                    process.destroyForcibly();
                    return process;
                }).join();
            });
        }
        catch (IOException | NumberFormatException e) {
            // nothing started
        }
    }

    private void run(List<String> command)
            throws IOException
    {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output + "; see " + folder.resolve("log"));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static synchronized void installIfMissing()
            throws IOException
    {
        List<String> needed = List.of("/usr/bin/sbatch", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged");
        if (needed.stream().allMatch(path -> Files.isExecutable(Path.of(path)))) {
            return;
        }
        long start = System.nanoTime();
        MlflowTestServer.run(List.of("apt-get", "update", "-qq"), Duration.ofMinutes(5));
        MlflowTestServer.run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "slurm-wlm", "munge"),
                Duration.ofMinutes(10));
        System.out.printf("SlurmCluster: installed slurm-wlm and munge in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
