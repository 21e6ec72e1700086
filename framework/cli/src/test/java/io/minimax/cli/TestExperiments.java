package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.Players;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped experiment and every plugin fixture binds and builds its players through the real injector. */
class TestExperiments
{
    private static final PluginRegistry REGISTRY = PluginLoader.load(Optional.empty());

    @TestFactory
    List<DynamicTest> everyShippedExperimentBuilds()
            throws IOException
    {
        List<Path> files;
        try (Stream<Path> listing = Files.list(CliHarness.REPOSITORY.resolve("experiments"))) {
            files = listing.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files.stream().map(file -> file.getFileName().toString()))
                .contains("gaussian-1d.yaml", "ring8-loss-comparison.yaml", "grid25.yaml",
                        "dirac-simultaneous.yaml", "dirac-alternating.yaml", "dirac-r1.yaml");
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            ExperimentPlan plan = new DescriptorLoader(REGISTRY).load(file, List.of());
            for (RunPlan run : plan.runs()) {
                build(run);
            }
        })).toList();
    }

    @TestFactory
    List<DynamicTest> everyPluginFixtureBuilds()
    {
        List<DynamicTest> tests = new ArrayList<>();
        String base = PluginFixtures.defaultDescriptor();
        for (Map.Entry<String, List<String>> data : PluginFixtures.DATA.entrySet()) {
            for (String fixture : data.getValue()) {
                tests.add(build("data " + fixture, base.replace(PluginFixtures.DATA.get("ring").get(0), fixture)));
            }
        }
        for (List<String> fixtures : PluginFixtures.PRIORS.values()) {
            for (String fixture : fixtures) {
                tests.add(build("prior " + fixture, base.replace(PluginFixtures.PRIORS.get("gaussian").get(0), fixture)));
            }
        }
        for (List<String> fixtures : PluginFixtures.LOSSES.values()) {
            for (String fixture : fixtures) {
                tests.add(build("loss " + fixture, base.replace(PluginFixtures.LOSSES.get("non-saturating").get(0), fixture)));
            }
        }
        for (List<String> fixtures : PluginFixtures.PENALTIES.values()) {
            for (String fixture : fixtures) {
                tests.add(build("penalty " + fixture, base + "penalties: [" + fixture + "]\n"));
            }
        }
        for (List<String> fixtures : PluginFixtures.NETWORKS.values()) {
            for (String fixture : fixtures) {
                tests.add(build("networks " + fixture, base.replace(PluginFixtures.NETWORKS.get("mlp").get(0), fixture)
                        .replace(PluginFixtures.NETWORKS.get("mlp").get(1), fixture)));
            }
        }
        for (List<List<String>> pairs : PluginFixtures.IMAGE_NETWORKS.values()) {
            for (List<String> pair : pairs) {
                tests.add(build("image networks " + pair, PluginFixtures.imageDescriptor(pair.get(0), pair.get(1))));
            }
        }
        for (List<String> fixtures : PluginFixtures.OPTIMIZERS.values()) {
            for (String fixture : fixtures) {
                tests.add(build("optimizer " + fixture, base.replace(PluginFixtures.OPTIMIZERS.get("adam").get(0), fixture)));
            }
        }
        return tests;
    }

    private static DynamicTest build(String name, String descriptor)
    {
        return DynamicTest.dynamicTest(name, () -> {
            ExperimentPlan plan = new DescriptorLoader(REGISTRY).parse(descriptor, "fixture.yaml", false, List.of());
            build(plan.runs().get(0));
        });
    }

    private static void build(RunPlan run)
    {
        Players players = RunInjector.create(new RunModule(run.spec(), REGISTRY, DataType.FLOAT)).getInstance(Players.class);
        assertThat(players.discriminator().inputShape()).isEqualTo(players.data().sampleShape());
        assertThat(players.generator().outputShape()).isEqualTo(players.data().sampleShape());
        assertThat(players.generator().inputShape()).containsExactly(players.prior().dimension());
    }
}
