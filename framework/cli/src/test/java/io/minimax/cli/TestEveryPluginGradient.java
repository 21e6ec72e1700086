package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.plugin.ExtensionPoints;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.loss.GradientPenaltyFactory;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkFactory;
import io.minimax.spi.network.NetworkRole;
import io.minimax.testkit.DoubleBackpropagationCheck;
import io.minimax.testkit.LossGradientCheck;
import io.minimax.testkit.NetworkGradientCheck;
import io.minimax.testkit.PenaltyGradientCheck;
import io.minimax.testkit.TestContexts;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finite-difference checks of every registered network, loss and penalty plugin, from its fixtures: each network's
 * backward and double backward pass, each loss's logit gradients, and each penalty's parameter gradient through
 * each network.
 */
class TestEveryPluginGradient
{
    private static final PluginRegistry REGISTRY = PluginLoader.load(Optional.empty());

    @TestFactory
    List<DynamicTest> everyNetworkMatchesFiniteDifferences()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : REGISTRY.point(ExtensionPoints.NETWORKS).names()) {
            for (String fixture : PluginFixtures.NETWORKS.getOrDefault(type, List.of())) {
                PluginSpec spec = bindNetwork(fixture);
                NetworkFactory<?> factory = REGISTRY.point(ExtensionPoints.NETWORKS).find(type).orElseThrow();
                tests.add(DynamicTest.dynamicTest("generator " + fixture, () -> NetworkGradientCheck.check(
                        network(factory, spec, NetworkRole.GENERATOR, new long[] {3}, new long[] {2}), 5, 11)));
                tests.add(DynamicTest.dynamicTest("discriminator " + fixture, () -> NetworkGradientCheck.check(
                        network(factory, spec, NetworkRole.DISCRIMINATOR, new long[] {2}, new long[] {1}), 6, 12)));
                tests.add(DynamicTest.dynamicTest("discriminator on 1x2x2 images " + fixture, () -> NetworkGradientCheck.check(
                        network(factory, spec, NetworkRole.DISCRIMINATOR, new long[] {1, 2, 2}, new long[] {1}), 4, 13)));
            }
        }
        return tests;
    }

    /** Every built-in network can be a penalised discriminator: its double backward pass matches finite differences. */
    @TestFactory
    List<DynamicTest> everyNetworkDoubleBackpropagates()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : REGISTRY.point(ExtensionPoints.NETWORKS).names()) {
            for (String fixture : PluginFixtures.NETWORKS.getOrDefault(type, List.of())) {
                PluginSpec spec = bindNetwork(fixture);
                NetworkFactory<?> factory = REGISTRY.point(ExtensionPoints.NETWORKS).find(type).orElseThrow();
                tests.add(DynamicTest.dynamicTest("discriminator " + fixture, () -> DoubleBackpropagationCheck.check(
                        network(factory, spec, NetworkRole.DISCRIMINATOR, new long[] {2}, new long[] {1}), 6, 14)));
                tests.add(DynamicTest.dynamicTest("vector output " + fixture, () -> DoubleBackpropagationCheck.check(
                        network(factory, spec, NetworkRole.GENERATOR, new long[] {3}, new long[] {2}), 5, 15)));
                tests.add(DynamicTest.dynamicTest("discriminator on 1x2x2 images " + fixture, () -> DoubleBackpropagationCheck.check(
                        network(factory, spec, NetworkRole.DISCRIMINATOR, new long[] {1, 2, 2}, new long[] {1}), 4, 16)));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyPenaltyMatchesFiniteDifferencesThroughEveryNetwork()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : REGISTRY.point(ExtensionPoints.GRADIENT_PENALTIES).names()) {
            for (String fixture : PluginFixtures.PENALTIES.getOrDefault(type, List.of())) {
                GradientPenaltyFactory<?> factory = REGISTRY.point(ExtensionPoints.GRADIENT_PENALTIES).find(type).orElseThrow();
                ExperimentSpec experiment = PluginFixtures.bind(REGISTRY, PluginFixtures.defaultDescriptor() + "penalties: [" + fixture
                        + "]\n");
                PluginSpec penaltySpec = experiment.penalties().get(0).spec();
                for (String networkType : REGISTRY.point(ExtensionPoints.NETWORKS).names()) {
                    for (String networkFixture : PluginFixtures.NETWORKS.getOrDefault(networkType, List.of())) {
                        PluginSpec networkSpec = bindNetwork(networkFixture);
                        NetworkFactory<?> networkFactory = REGISTRY.point(ExtensionPoints.NETWORKS).find(networkType).orElseThrow();
                        tests.add(DynamicTest.dynamicTest(fixture + " through " + networkFixture, () -> PenaltyGradientCheck.check(fixture,
                                create(factory, penaltySpec),
                                network(networkFactory, networkSpec, NetworkRole.DISCRIMINATOR, new long[] {2}, new long[] {1}), 5, 17)));
                        tests.add(DynamicTest.dynamicTest(fixture + " on images through " + networkFixture,
                                () -> PenaltyGradientCheck.check(fixture,
                                create(factory, penaltySpec),
                                network(networkFactory, networkSpec, NetworkRole.DISCRIMINATOR, new long[] {1, 2, 2}, new long[] {1}), 3,
                                18)));
                    }
                }
            }
        }
        return tests;
    }

    /** Networks that take only images: both roles, D's double backward pass, and every penalty through D. */
    @TestFactory
    List<DynamicTest> everyImageNetworkMatchesFiniteDifferences()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : REGISTRY.point(ExtensionPoints.NETWORKS).names()) {
            for (List<String> pair : PluginFixtures.IMAGE_NETWORKS.getOrDefault(type, List.of())) {
                ExperimentSpec experiment = PluginFixtures.bind(REGISTRY, PluginFixtures.imageDescriptor(pair.get(0), pair.get(1)));
                NetworkFactory<?> factory = REGISTRY.point(ExtensionPoints.NETWORKS).find(type).orElseThrow();
                PluginSpec generator = experiment.generator().spec();
                PluginSpec discriminator = experiment.discriminator().spec();
                long[] image = PluginFixtures.IMAGE_SHAPE;
                tests.add(DynamicTest.dynamicTest("generator " + pair.get(0), () -> NetworkGradientCheck.check(
                        network(factory, generator, NetworkRole.GENERATOR, new long[] {3}, image), 4, 31)));
                tests.add(DynamicTest.dynamicTest("discriminator " + pair.get(1), () -> NetworkGradientCheck.check(
                        network(factory, discriminator, NetworkRole.DISCRIMINATOR, image, new long[] {1}), 3, 32)));
                tests.add(DynamicTest.dynamicTest("double backpropagation " + pair.get(1), () -> DoubleBackpropagationCheck.check(
                        network(factory, discriminator, NetworkRole.DISCRIMINATOR, image, new long[] {1}), 3, 33)));
                for (String penaltyType : REGISTRY.point(ExtensionPoints.GRADIENT_PENALTIES).names()) {
                    for (String fixture : PluginFixtures.PENALTIES.getOrDefault(penaltyType, List.of())) {
                        GradientPenaltyFactory<?> penaltyFactory = REGISTRY.point(ExtensionPoints.GRADIENT_PENALTIES).find(penaltyType)
                                .orElseThrow();
                        PluginSpec penaltySpec = PluginFixtures.bind(REGISTRY, PluginFixtures.defaultDescriptor() + "penalties: [" + fixture
                                + "]\n").penalties().get(0).spec();
                        tests.add(DynamicTest.dynamicTest(fixture + " through " + pair.get(1), () -> PenaltyGradientCheck.check(fixture,
                                create(penaltyFactory, penaltySpec),
                                network(factory, discriminator, NetworkRole.DISCRIMINATOR, image, new long[] {1}), 3, 34)));
                    }
                }
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyLossMatchesFiniteDifferences()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : REGISTRY.point(ExtensionPoints.LOSS_VARIANTS).names()) {
            for (String fixture : PluginFixtures.LOSSES.getOrDefault(type, List.of())) {
                LossVariantFactory<?> factory = REGISTRY.point(ExtensionPoints.LOSS_VARIANTS).find(type).orElseThrow();
                ExperimentSpec experiment = PluginFixtures.bind(REGISTRY,
                        PluginFixtures.defaultDescriptor().replace("loss: { type: non-saturating }", "loss: " + fixture));
                LossVariant loss = create(factory, experiment.loss().spec());
                for (double scale : new double[] {1, 4}) {
                    tests.add(DynamicTest.dynamicTest(fixture + " logits ~ N(0, " + scale + "²)",
                            () -> LossGradientCheck.check(fixture, loss, 6, scale, 21)));
                }
            }
        }
        return tests;
    }

    private static PluginSpec bindNetwork(String fixture)
    {
        String descriptor = PluginFixtures.descriptor(PluginFixtures.DATA.get("ring").get(0), PluginFixtures.PRIORS.get("gaussian").get(0),
                PluginFixtures.LOSSES.get("minimax").get(0), fixture, fixture, PluginFixtures.OPTIMIZERS.get("sgd").get(0));
        return PluginFixtures.bind(REGISTRY, descriptor).generator().spec();
    }

    private static <S extends PluginSpec> Network network(NetworkFactory<S> factory, PluginSpec spec, NetworkRole role, long[] input,
            long[] output)
    {
        // as a lane of a lockstep, so that every network plugin is checked on views into longer vectors
        return TestNetworks.asLane(factory.create(factory.specClass().cast(spec),
                TestContexts.network(5, DataType.DOUBLE, role, input, output)), DataType.DOUBLE);
    }

    private static <S extends PluginSpec> GradientPenalty create(GradientPenaltyFactory<S> factory, PluginSpec spec)
    {
        return factory.create(factory.specClass().cast(spec), TestContexts.plugin(4, DataType.DOUBLE));
    }

    private static <S extends PluginSpec> LossVariant create(LossVariantFactory<S> factory, PluginSpec spec)
    {
        return factory.create(factory.specClass().cast(spec), TestContexts.plugin(3, DataType.DOUBLE));
    }
}
