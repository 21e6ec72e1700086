package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorException;
import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.platform.MemoryLimits;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", description = "Check descriptors without running them; every problem is listed with its path.")
final class ValidateCommand
        implements Callable<Integer>
{
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Descriptors to check.")
    List<Path> files;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a descriptor field (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PluginRegistry registry = pluginOptions.registry();
        DescriptorLoader loader = new DescriptorLoader(registry);
        RunMemory memory = new RunMemory(registry, MemoryLimits.current());
        boolean allValid = true;
        for (Path file : files) {
            try {
                ExperimentPlan plan = loader.load(file, overrides);
                memory.check(plan);
                spec.commandLine().getOut()
                        .printf("%s: ok (%s, %d run%s)%n", file, plan.name(), plan.runs().size(), plan.runs().size() == 1 ? "" : "s");
            }
            catch (DescriptorException e) {
                allValid = false;
                spec.commandLine().getErr().println(e.getMessage());
            }
        }
        spec.commandLine().getOut().flush();
        return allValid ? Main.SUCCESS : Main.INVALID_INPUT;
    }
}
