package io.minimax.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code minimax}: run, validate and compare GAN experiments. Exit codes: 0 success, 1 a run failed, 2 invalid input
 * (every problem listed, no stack trace).
 */
@Command(name = "minimax",
        mixinStandardHelpOptions = true,
        versionProvider = MinimaxVersion.class,
        description = "Measure what a GAN objective does: run experiment descriptors, compare the runs.",
        subcommands = {
                RunCommand.class,
                ValidateCommand.class,
                PluginsCommand.class,
                RunsCommand.class,
                SubmitCommand.class,
                SweepsCommand.class,
                ResumeCommand.class,
                SampleCommand.class,
                BenchCommand.class,
                ClassifierCommand.class,
                SyncCommand.class,
                UiCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main
{
    public static final int SUCCESS = 0;
    public static final int RUN_FAILED = 1;
    public static final int INVALID_INPUT = 2;

    private Main() {}

    public static void main(String[] args)
    {
        System.exit(execute(args));
    }

    /** Runs the command line in this JVM and returns the exit code (tests call this). */
    public static int execute(String... args)
    {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, writing to the given streams. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args)
    {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new UserErrors());
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            exception.getCommandLine().getErr().println("minimax: " + exception.getMessage());
            exception.getCommandLine().getErr()
                    .println("Run 'minimax help " + exception.getCommandLine().getCommandName() + "' for usage.");
            return INVALID_INPUT;
        });
        return commandLine.execute(args);
    }
}
