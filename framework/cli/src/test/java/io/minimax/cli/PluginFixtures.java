package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.testkit.FashionMnistPackage;

import java.util.List;
import java.util.Map;

/**
 * Descriptor sections that configure each built-in plugin, by extension point and type. Registry-wide tests (gradient
 * checks, smoke builds) run over these; {@link TestPluginFixturesCoverage} fails when a registered plugin has none,
 * so a new plugin cannot skip its checks.
 */
final class PluginFixtures
{
    static final Map<String, List<String>> DATA = Map.of(
            "gaussian-1d", List.of("{ type: gaussian-1d, mean: 4.0, std: 0.5 }"),
            "ring", List.of("{ type: ring, modes: 8, radius: 1.0, std: 0.01 }"),
            "grid", List.of("{ type: grid, side: 5, spacing: 2.0, std: 0.05 }"),
            "swiss-roll", List.of("{ type: swiss-roll }"),
            "dirac", List.of("{ type: dirac, at: 0.5 }"),
            "uniform-noise",
            List.of("{ type: uniform-noise, shape: [6], low: -1.0, high: 1.0 }", "{ type: uniform-noise, shape: [1, 3, 2] }"),
            // the real data set (installed when missing), read once per test JVM however many fixtures name it
            "fashion-mnist", List.of("{ type: fashion-mnist, path: " + FashionMnistPackage.folder() + ", classes: [0, 9] }"),
            "idx", List.of("{ type: idx, path: " + FashionMnistPackage.folder() + ", split: test }"));

    static final Map<String, List<String>> PRIORS = Map.of(
            "gaussian", List.of("{ type: gaussian, dim: 3 }"),
            "uniform", List.of("{ type: uniform, dim: 3, low: -1.0, high: 1.0 }"));

    static final Map<String, List<String>> LOSSES = Map.of(
            "minimax", List.of("{ type: minimax }"),
            "non-saturating", List.of("{ type: non-saturating }"),
            "least-squares", List.of("{ type: least-squares }", "{ type: least-squares, a: -1.0, b: 1.0, c: 0.0 }"),
            "wasserstein", List.of("{ type: wasserstein, clip: 0.01 }", "{ type: wasserstein, clip: 0.0 }"),
            "hinge", List.of("{ type: hinge }"),
            "relativistic", List.of("{ type: relativistic }"));

    static final Map<String, List<String>> PENALTIES = Map.of(
            "r1", List.of("{ type: r1, gamma: 10.0 }"),
            "r2", List.of("{ type: r2, gamma: 1.0 }"),
            "wgan-gp", List.of("{ type: wgan-gp, lambda: 10.0 }"));

    static final Map<String, List<String>> OPTIMIZERS = Map.of(
            "sgd", List.of("{ type: sgd, learningRate: 0.01 }"),
            "momentum", List.of("{ type: momentum, learningRate: 0.01, momentum: 0.9, nesterov: true }"),
            "adam", List.of("{ type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }"),
            "frozen", List.of("{ type: frozen }"));

    static final Map<String, List<String>> NETWORKS = Map.of(
            "mlp", List.of(
                    "{ type: mlp, hidden: [5, 4], activation: relu }",
                    "{ type: mlp, hidden: [4, 3], activation: leaky-relu, leak: 0.2 }",
                    "{ type: mlp, hidden: [3], activation: tanh, outputActivation: tanh }"),
            "constant", List.of("{ type: constant, init: 0.5 }"),
            "linear", List.of("{ type: linear, init: 0.3 }", "{ type: linear, bias: true, init: -0.7 }"));

    /** The data of the image networks' fixtures: 8x8 single-channel noise images. */
    static final String IMAGE_DATA = "{ type: uniform-noise, shape: [1, 8, 8] }";
    static final long[] IMAGE_SHAPE = {1, 8, 8};

    /**
     * Networks that take only images of sizes they need, as a generator section and a discriminator section each, on
     * {@link #IMAGE_DATA}: the registry-wide checks run them between {@code [3]} and {@link #IMAGE_SHAPE}.
     */
    static final Map<String, List<List<String>>> IMAGE_NETWORKS = Map.of(
            "layers", List.of(List.of(
                    "{ type: layers, layers: [ {dense: 32}, {batchnorm: {}}, {activation: relu}, {reshape: [2, 4, 4]}, "
                            + "{deconv: {filters: 1, kernel: 4, stride: 2, padding: 1}}, {activation: tanh} ] }",
                    "{ type: layers, layers: [ {conv: {filters: 2, kernel: 4, stride: 2, padding: 1}}, {activation: leaky-relu}, "
                            + "{conv: {filters: 3, kernel: 3}}, {activation: tanh}, {flatten: {}}, {dense: 1} ] }")),
            "dcgan", List.of(List.of("{ type: dcgan, baseChannels: 2 }", "{ type: dcgan, baseChannels: 2, leak: 0.1 }")));

    /** Each runs in {@link TestEveryMetricRuns} on the ring (and on gaussian-1d) through a short real training run. */
    static final Map<String, List<String>> METRICS = Map.of(
            "optimal-discriminator", List.of(
                    "{ type: optimal-discriminator }",
                    "{ type: optimal-discriminator, bandwidthRule: fixed, bandwidth: 0.05 }"),
            "mode-coverage", List.of("{ type: mode-coverage, threshold: 3.0 }"),
            "mmd", List.of("{ type: mmd }"),
            "dirac-trajectory", List.of("{ type: dirac-trajectory }"),
            "value-estimator", List.of("{ type: value-estimator, largestBatch: 8, repeats: 4, referenceSamples: 1000 }"),
            "frechet-distance", List.of("{ type: frechet-distance }"),
            "kernel-distance", List.of("{ type: kernel-distance, subsets: 10 }"),
            "precision-recall", List.of("{ type: precision-recall }"),
            "class-coverage", List.of("{ type: class-coverage }"));

    /** The data and players a metric needs where the ring's MLPs are not its game: data, generator and discriminator sections. */
    static final Map<String, String> METRIC_GAMES = Map.of(
            "dirac-trajectory", """
                    data: { type: dirac, at: 0.5 }
                    generator: { type: constant, init: 1.0 }
                    discriminator: { type: linear, init: 1.0 }
                    """);

    static final Map<String, List<String>> TRACKERS = Map.of(
            "mlflow", List.of("{ type: mlflow, uri: http://127.0.0.1:5000 }"));

    /** Fixtures by the extension point's descriptor section (see {@code ExtensionPoint.section()}). */
    static final Map<String, Map<String, List<String>>> BY_SECTION = Map.of(
            "data", DATA,
            "prior", PRIORS,
            "loss", LOSSES,
            "penalties", PENALTIES,
            "optimizer", OPTIMIZERS,
            "network", allNetworks(),
            "metrics", METRICS,
            "tracking", TRACKERS);

    private PluginFixtures() {}

    /** {@link #NETWORKS} and the sections of {@link #IMAGE_NETWORKS}, by type. */
    private static Map<String, List<String>> allNetworks()
    {
        Map<String, List<String>> all = new java.util.HashMap<>(NETWORKS);
        IMAGE_NETWORKS.forEach((type, pairs) -> all.put(type, pairs.stream().flatMap(List::stream).toList()));
        return Map.copyOf(all);
    }

    /** A small complete descriptor on {@link #IMAGE_DATA} with these generator and discriminator sections. */
    static String imageDescriptor(String generator, String discriminator)
    {
        return descriptor(IMAGE_DATA, PRIORS.get("gaussian").get(0), LOSSES.get("non-saturating").get(0), generator, discriminator,
                OPTIMIZERS.get("adam").get(0));
    }

    /** A small complete descriptor; each argument is a section in YAML flow style. */
    static String descriptor(String data, String prior, String loss, String generator, String discriminator, String optimizer)
    {
        return """
                name: fixture
                seed: 7
                train: { steps: 3, batchSize: 4, logEvery: 1 }
                data: %s
                prior: %s
                loss: %s
                generator: %s
                discriminator: %s
                optimizer:
                  generator: %s
                  discriminator: %s
                """.formatted(data, prior, loss, generator, discriminator, optimizer, optimizer);
    }

    static String defaultDescriptor()
    {
        return descriptor(DATA.get("ring").get(0), PRIORS.get("gaussian").get(0), LOSSES.get("non-saturating").get(0),
                NETWORKS.get("mlp").get(0), NETWORKS.get("mlp").get(1), OPTIMIZERS.get("adam").get(0));
    }

    static ExperimentSpec bind(PluginRegistry registry, String descriptor)
    {
        return new DescriptorLoader(registry).parse(descriptor, "fixture.yaml", false, List.of()).runs().get(0).spec();
    }
}
