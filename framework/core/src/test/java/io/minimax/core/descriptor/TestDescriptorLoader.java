package io.minimax.core.descriptor;

import io.minimax.core.platform.Reproducibility;
import io.minimax.core.descriptor.FakePlugin.FakeAdamSpec;
import io.minimax.core.descriptor.FakePlugin.FakeGaussianSpec;
import io.minimax.core.descriptor.FakePlugin.FakeMinimaxSpec;
import io.minimax.core.descriptor.FakePlugin.FakeMlflowSpec;
import io.minimax.core.descriptor.FakePlugin.FakeMlpSpec;
import io.minimax.core.descriptor.FakePlugin.FakeModeCoverageSpec;
import io.minimax.core.descriptor.FakePlugin.FakeNonSaturatingSpec;
import io.minimax.core.descriptor.FakePlugin.FakeRingSpec;
import io.minimax.core.descriptor.FakePlugin.FakeSgdSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.minimax.core.descriptor.Descriptors.FULL;
import static io.minimax.core.descriptor.Descriptors.MINIMAL;
import static io.minimax.core.descriptor.Descriptors.loader;
import static io.minimax.core.descriptor.Descriptors.parse;
import static io.minimax.core.descriptor.Descriptors.spec;
import static org.assertj.core.api.Assertions.assertThat;

class TestDescriptorLoader
{
    @Test
    void fullDescriptorBindsEverySection()
    {
        ExperimentPlan plan = parse(FULL);

        assertThat(plan.name()).isEqualTo("ring8-loss-comparison");
        assertThat(plan.source()).isEqualTo("descriptor.yaml");
        assertThat(plan.isSweep()).isFalse();
        assertThat(plan.runs()).hasSize(1);
        RunPlan run = plan.runs().get(0);
        assertThat(run.runName()).isEqualTo("ring8-loss-comparison");
        assertThat(run.sweepValues()).isEmpty();
        FakeAdamSpec adam = new FakeAdamSpec(1.0e-4, 0.5, 0.999);
        assertThat(run.spec()).isEqualTo(new ExperimentSpec(
                "ring8-loss-comparison",
                Optional.of("Compares the **minimax** and the non-saturating loss.\nSee: Goodfellow et al. (2014), section 3.\n"),
                1,
                Reproducibility.FASTEST,
                new TrainSpec(5000, 256, 2, UpdateRule.SIMULTANEOUS, 20, 500),
                new PluginSelection("data", "ring", new FakeRingSpec(8, 1.0, 0.01)),
                new PluginSelection("prior", "gaussian", new FakeGaussianSpec(2)),
                new PluginSelection("loss", "non-saturating", new FakeNonSaturatingSpec(0.0)),
                List.of(),
                new PluginSelection("generator", "mlp", new FakeMlpSpec(List.of(128, 128), "relu", false)),
                new PluginSelection("discriminator", "mlp", new FakeMlpSpec(List.of(128, 128), "leaky-relu", false)),
                new PluginSelection("optimizer.generator", "adam", adam),
                new PluginSelection("optimizer.discriminator", "adam", adam),
                List.of(new PluginSelection("metrics[0]", "mode-coverage", new FakeModeCoverageSpec(3.0))),
                Optional.of(new PluginSelection("tracking", "mlflow", new FakeMlflowSpec("http://127.0.0.1:5000", List.of())))));
    }

    @Test
    void missingKeysTakeTheirDefaults()
    {
        ExperimentSpec spec = spec(MINIMAL);

        assertThat(spec.description()).isEmpty();
        assertThat(spec.seed()).isZero();
        assertThat(spec.reproducibility()).isEqualTo(Reproducibility.FASTEST);
        assertThat(spec.train()).isEqualTo(new TrainSpec(300, 64, 1, UpdateRule.ALTERNATING, 10, 300));
        assertThat(spec.data().spec()).isEqualTo(new FakeRingSpec(8, 1.0, 0.01));
        assertThat(spec.loss().spec()).isEqualTo(new FakeMinimaxSpec());
        assertThat(spec.generator().spec()).isEqualTo(new FakeMlpSpec(List.of(64, 64), "relu", false));
        assertThat(spec.generatorOptimizer().spec()).isEqualTo(new FakeAdamSpec(1.0e-3, 0.9, 0.999));
        assertThat(spec.discriminatorOptimizer().spec()).isEqualTo(new FakeSgdSpec(0.05));
        assertThat(spec.metrics()).isEmpty();
        assertThat(spec.tracking()).isEmpty();
    }

    @Test
    void evalEveryDefaultsToStepsAfterOverrides()
    {
        assertThat(spec(MINIMAL, "train.steps=40").train().evalEvery()).isEqualTo(40);
    }

    @Test
    void numbersAreReadByValueNotBySpelling()
    {
        ExperimentSpec spec = spec(MINIMAL.replace("steps: 300", "steps: 1e4").replace("{ type: ring }", "{ type: ring, radius: 2 }"));

        assertThat(spec.train().steps()).isEqualTo(10_000);
        assertThat(spec.data().spec()).isEqualTo(new FakeRingSpec(8, 2.0, 0.01));
    }

    @Test
    void paramsAreTheResolvedDescriptorAsPlainDottedKeys()
    {
        RunPlan run = parse(FULL).runs().get(0);

        assertThat(run.params())
                .containsEntry("name", "ring8-loss-comparison")
                .containsEntry("seed", "1")
                .containsEntry("train.batchSize", "256")
                .containsEntry("train.updates", "simultaneous")
                .containsEntry("optimizer.generator.learningRate", "0.0001")
                .containsEntry("optimizer.generator.beta2", "0.999")
                .containsEntry("generator.hidden", "[128, 128]")
                .containsEntry("generator.batchNorm", "false")
                .containsEntry("data.radius", "1")
                .containsEntry("loss.type", "non-saturating")
                .containsEntry("loss.labelSmoothing", "0")
                .containsEntry("metrics[0].type", "mode-coverage")
                .containsEntry("metrics[0].threshold", "3")
                .containsEntry("tracking.uri", "http://127.0.0.1:5000")
                .containsEntry("tracking.tags", "[]");
        assertThat(run.params().keySet()).noneMatch(key -> key.startsWith("sweep"));
        assertThat(run.params()).as("the description is prose for the note, not a parameter").doesNotContainKey("description");
    }

    @Test
    void paramsOfAMinimalDescriptorListEveryDefault()
    {
        assertThat(parse(MINIMAL).runs().get(0).params()).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.ofEntries(
                java.util.Map.entry("name", "minimal"),
                java.util.Map.entry("seed", "0"),
                java.util.Map.entry("reproducibility", "fastest"),
                java.util.Map.entry("train.steps", "300"),
                java.util.Map.entry("train.batchSize", "64"),
                java.util.Map.entry("train.discriminatorSteps", "1"),
                java.util.Map.entry("train.updates", "alternating"),
                java.util.Map.entry("train.logEvery", "10"),
                java.util.Map.entry("train.evalEvery", "300"),
                java.util.Map.entry("data.type", "ring"),
                java.util.Map.entry("data.modes", "8"),
                java.util.Map.entry("data.radius", "1"),
                java.util.Map.entry("data.std", "0.01"),
                java.util.Map.entry("prior.type", "gaussian"),
                java.util.Map.entry("prior.dim", "2"),
                java.util.Map.entry("loss.type", "minimax"),
                java.util.Map.entry("generator.type", "mlp"),
                java.util.Map.entry("generator.hidden", "[64, 64]"),
                java.util.Map.entry("generator.activation", "relu"),
                java.util.Map.entry("generator.batchNorm", "false"),
                java.util.Map.entry("discriminator.type", "mlp"),
                java.util.Map.entry("discriminator.hidden", "[64, 64]"),
                java.util.Map.entry("discriminator.activation", "relu"),
                java.util.Map.entry("discriminator.batchNorm", "false"),
                java.util.Map.entry("optimizer.generator.type", "adam"),
                java.util.Map.entry("optimizer.generator.learningRate", "0.001"),
                java.util.Map.entry("optimizer.generator.beta1", "0.9"),
                java.util.Map.entry("optimizer.generator.beta2", "0.999"),
                java.util.Map.entry("optimizer.discriminator.type", "sgd"),
                java.util.Map.entry("optimizer.discriminator.learningRate", "0.05"),
                java.util.Map.entry("metrics", "[]"))));
    }

    @Test
    void resolvedYamlShowsDefaultsInTheOriginalKeyOrder()
    {
        assertThat(parse(MINIMAL).runs().get(0).resolvedYaml()).isEqualTo("""
                name: minimal
                seed: 0
                reproducibility: fastest
                train:
                  steps: 300
                  batchSize: 64
                  discriminatorSteps: 1
                  updates: alternating
                  logEvery: 10
                  evalEvery: 300
                data:
                  type: ring
                  modes: 8
                  radius: 1.0
                  std: 0.01
                prior:
                  type: gaussian
                  dim: 2
                loss:
                  type: minimax
                generator:
                  type: mlp
                  hidden: [64, 64]
                  activation: relu
                  batchNorm: false
                discriminator:
                  type: mlp
                  hidden: [64, 64]
                  activation: relu
                  batchNorm: false
                optimizer:
                  generator:
                    type: adam
                    learningRate: 0.001
                    beta1: 0.9
                    beta2: 0.999
                  discriminator:
                    type: sgd
                    learningRate: 0.05
                metrics: []
                """);
    }

    @Test
    void resolvedYamlWritesNumbersInPlainDecimal()
    {
        assertThat(parse(FULL, "metrics[0].threshold=1e-7").runs().get(0).resolvedYaml())
                .contains("    learningRate: 0.0001\n", "    threshold: 0.0000001\n", "  radius: 1.0\n", "  hidden: [128, 128]\n");
    }

    @Test
    void resolvedYamlReadsBackToTheSameRun()
    {
        String tricky = FULL
                .replace("name: ring8-loss-comparison", "name: \"2024.1\"")
                .replace("{ type: mode-coverage }", "{ type: mode-coverage, threshold: 2.5 }\n  - { type: mode-coverage, threshold: 1e-7 }")
                .replace("uri: http://127.0.0.1:5000",
                        "uri: http://127.0.0.1:5000, tags: [\"yes\", \"1.5\", 'a: b', \"x\\ty\", \"#c\", \"\"]");
        for (String descriptor : List.of(FULL, MINIMAL, tricky)) {
            RunPlan run = parse(descriptor).runs().get(0);
            RunPlan again = parse(run.resolvedYaml()).runs().get(0);
            assertThat(again.spec()).isEqualTo(run.spec());
            assertThat(again.params()).isEqualTo(run.params());
            assertThat(again.resolvedYaml()).isEqualTo(run.resolvedYaml());
        }
    }

    @Test
    void jsonDescriptorsBindLikeYaml(@TempDir Path temp)
            throws IOException
    {
        String json = """
                {
                  "name": "minimal",
                  "train": { "steps": 300, "batchSize": 64 },
                  "data": { "type": "ring" },
                  "prior": { "type": "gaussian", "dim": 2 },
                  "loss": { "type": "minimax" },
                  "generator": { "type": "mlp" },
                  "discriminator": { "type": "mlp" },
                  "optimizer": {
                    "generator": { "type": "adam" },
                    "discriminator": { "type": "sgd", "learningRate": 0.05 }
                  }
                }
                """;
        RunPlan fromYaml = parse(MINIMAL).runs().get(0);
        RunPlan fromText = loader().parse(json, "descriptor.json", true, List.of()).runs().get(0);
        Path file = Files.writeString(temp.resolve("minimal.JSON"), json);
        ExperimentPlan fromFile = loader().load(file, List.of());

        assertThat(fromText.spec()).isEqualTo(fromYaml.spec());
        assertThat(fromText.resolvedYaml()).isEqualTo(fromYaml.resolvedYaml());
        assertThat(fromFile.runs().get(0).spec()).isEqualTo(fromYaml.spec());
        assertThat(fromFile.source()).isEqualTo(file.toString());
    }

    @Test
    void loadReadsYamlFiles(@TempDir Path temp)
            throws IOException
    {
        Path file = Files.writeString(temp.resolve("full.yaml"), FULL);

        ExperimentPlan plan = loader().load(file, List.of("seed=9"));

        assertThat(plan.source()).isEqualTo(file.toString());
        assertThat(plan.runs().get(0).spec().seed()).isEqualTo(9);
    }

    @Test
    void setOverridesFieldsAndCreatesMissingKeys()
    {
        ExperimentSpec spec = spec(MINIMAL,
                "train.steps=100",
                "generator.hidden=[32,16]",
                "seed=5",
                "loss.type=non-saturating",
                "loss.labelSmoothing=0.1",
                "optimizer.generator.learningRate=0.5",
                "description=a quick check");

        assertThat(spec.train().steps()).isEqualTo(100);
        assertThat(spec.train().evalEvery()).isEqualTo(100);
        assertThat(spec.generator().spec()).isEqualTo(new FakeMlpSpec(List.of(32, 16), "relu", false));
        assertThat(spec.seed()).isEqualTo(5);
        assertThat(spec.loss()).isEqualTo(new PluginSelection("loss", "non-saturating", new FakeNonSaturatingSpec(0.1)));
        assertThat(spec.generatorOptimizer().spec()).isEqualTo(new FakeAdamSpec(0.5, 0.9, 0.999));
        assertThat(spec.description()).contains("a quick check");
    }

    @Test
    void setReplacesWholeSectionsAndNullRemovesOptionalOnes()
    {
        ExperimentSpec spec = spec(FULL, "tracking=null", "data={type: grid, side: 5}", "metrics[0].threshold=4");

        assertThat(spec.tracking()).isEmpty();
        assertThat(spec.data()).isEqualTo(new PluginSelection("data", "grid", new FakePlugin.FakeGridSpec(5, List.of())));
        assertThat(spec.metrics().get(0).spec()).isEqualTo(new FakeModeCoverageSpec(4.0));
    }
}
