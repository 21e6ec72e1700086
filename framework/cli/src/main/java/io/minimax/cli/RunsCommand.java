package io.minimax.cli;

import io.minimax.core.journal.JournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "runs", description = "List journaled runs with their status and final metrics.")
final class RunsCommand
        implements Callable<Integer>
{
    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs", description = "Where run journals are (default: ${DEFAULT-VALUE}).")
    Path runsDirectory;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment's runs.")
    String experiment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        // filled in once the journal reader lands
        return Main.SUCCESS;
    }
}
