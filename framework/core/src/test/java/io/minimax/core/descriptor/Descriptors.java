package io.minimax.core.descriptor;

import io.minimax.core.plugin.PluginRegistry;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Descriptors and helpers shared by the descriptor tests. */
final class Descriptors
{
    static final PluginRegistry REGISTRY = new PluginRegistry(List.of(new FakePlugin()));

    /** Every section of the format, as in the README. */
    static final String FULL = """
            name: ring8-loss-comparison
            description: |
              Compares the **minimax** and the non-saturating loss.
              See: Goodfellow et al. (2014), section 3.
            seed: 1
            train:
              steps: 5000
              batchSize: 256
              discriminatorSteps: 2
              updates: simultaneous
              logEvery: 20
              evalEvery: 500
            data:          { type: ring, modes: 8, radius: 1.0, std: 0.01 }
            prior:         { type: gaussian, dim: 2 }
            loss:          { type: non-saturating }
            generator:     { type: mlp, hidden: [128, 128], activation: relu }
            discriminator: { type: mlp, hidden: [128, 128], activation: leaky-relu }
            optimizer:
              generator:     { type: adam, learningRate: 1.0e-4, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 1.0e-4, beta1: 0.5, beta2: 0.999 }
            metrics:
              - { type: mode-coverage }
            tracking: { type: mlflow, uri: http://127.0.0.1:5000 }
            """;

    /** Only what is required; everything else takes its default. */
    static final String MINIMAL = """
            name: minimal
            train:
              steps: 300
              batchSize: 64
            data: { type: ring }
            prior: { type: gaussian, dim: 2 }
            loss: { type: minimax }
            generator: { type: mlp }
            discriminator: { type: mlp }
            optimizer:
              generator: { type: adam }
              discriminator: { type: sgd, learningRate: 0.05 }
            """;

    private Descriptors() {}

    static DescriptorLoader loader()
    {
        return new DescriptorLoader(REGISTRY);
    }

    static ExperimentPlan parse(String yaml, String... overrides)
    {
        return loader().parse(yaml, "descriptor.yaml", false, List.of(overrides));
    }

    static ExperimentSpec spec(String yaml, String... overrides)
    {
        return parse(yaml, overrides).runs().get(0).spec();
    }

    /** The problems, as {@code path: message} lines, of a descriptor that must fail. */
    static List<String> problems(String yaml, String... overrides)
    {
        DescriptorException exception = catchThrowableOfType(DescriptorException.class, () -> parse(yaml, overrides));
        assertThat(exception).as("the descriptor is rejected").isNotNull();
        return exception.problems().stream().map(DescriptorProblem::toString).toList();
    }
}
