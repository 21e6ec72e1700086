package io.minimax.core.descriptor;

import io.minimax.core.descriptor.FakePlugin.FakeAdamSpec;
import io.minimax.core.descriptor.FakePlugin.FakeMinimaxSpec;
import io.minimax.core.descriptor.FakePlugin.FakeNonSaturatingSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.minimax.core.descriptor.Descriptors.FULL;
import static io.minimax.core.descriptor.Descriptors.MINIMAL;
import static io.minimax.core.descriptor.Descriptors.parse;
import static io.minimax.core.descriptor.Descriptors.problems;
import static org.assertj.core.api.Assertions.assertThat;

class TestDescriptorSweep
{
    private static final String LOSS_BY_SEED = FULL + """
            sweep:
              loss.type: [minimax, non-saturating]
              seed: [1, 2, 3]
            """;

    @Test
    void cartesianProductWithTheFirstPathVaryingSlowest()
    {
        ExperimentPlan plan = parse(LOSS_BY_SEED);

        assertThat(plan.isSweep()).isTrue();
        assertThat(plan.name()).isEqualTo("ring8-loss-comparison");
        assertThat(plan.sweep()).containsExactly(
                Map.entry("loss.type", List.of("minimax", "non-saturating")),
                Map.entry("seed", List.of("1", "2", "3")));
        assertThat(plan.runs()).extracting(RunPlan::runName).containsExactly(
                "loss=minimax seed=1",
                "loss=minimax seed=2",
                "loss=minimax seed=3",
                "loss=non-saturating seed=1",
                "loss=non-saturating seed=2",
                "loss=non-saturating seed=3");
        RunPlan second = plan.runs().get(1);
        assertThat(second.sweepValues()).containsExactly(Map.entry("loss.type", "minimax"), Map.entry("seed", "2"));
        assertThat(second.spec().seed()).isEqualTo(2);
        assertThat(second.spec().loss()).isEqualTo(new PluginSelection("loss", "minimax", new FakeMinimaxSpec()));
        assertThat(plan.runs().get(5).spec().loss())
                .isEqualTo(new PluginSelection("loss", "non-saturating", new FakeNonSaturatingSpec(0.0)));
    }

    @Test
    void eachRunRecordsItsOwnResolvedValues()
    {
        List<RunPlan> runs = parse(LOSS_BY_SEED).runs();

        // a default of one type never leaks into a run of another
        assertThat(runs.get(0).params()).containsEntry("loss.type", "minimax").containsEntry("seed", "1")
                .doesNotContainKey("loss.labelSmoothing");
        assertThat(runs.get(4).params()).containsEntry("loss.type", "non-saturating").containsEntry("seed", "2")
                .containsEntry("loss.labelSmoothing", "0");
        for (RunPlan run : runs) {
            assertThat(run.params().keySet()).noneMatch(key -> key.startsWith("sweep"));
            assertThat(run.resolvedYaml()).doesNotContain("sweep");
            RunPlan again = parse(run.resolvedYaml()).runs().get(0);
            assertThat(again.spec()).isEqualTo(run.spec());
            assertThat(again.params()).isEqualTo(run.params());
        }
    }

    @Test
    void sweepsNestedParametersAndListsWithPlainLabels()
    {
        ExperimentPlan plan = parse(FULL + """
                sweep:
                  optimizer.generator.learningRate: [1.0e-4, 1.0e-3]
                  generator.hidden: [[64, 64], [256]]
                """);

        assertThat(plan.runs()).extracting(RunPlan::runName).containsExactly(
                "learningRate=0.0001 hidden=[64, 64]",
                "learningRate=0.0001 hidden=[256]",
                "learningRate=0.001 hidden=[64, 64]",
                "learningRate=0.001 hidden=[256]");
        assertThat(plan.runs().get(3).spec().generatorOptimizer().spec()).isEqualTo(new FakeAdamSpec(1.0e-3, 0.5, 0.999));
        assertThat(plan.runs().get(3).params()).containsEntry("generator.hidden", "[256]");
    }

    @Test
    void sweepAppliesAfterOverrides()
    {
        ExperimentPlan plan = parse(MINIMAL + "sweep:\n  seed: [4, 5]\n", "seed=1", "train.steps=10");

        assertThat(plan.runs()).extracting(run -> run.spec().seed()).containsExactly(4L, 5L);
        assertThat(plan.runs()).allSatisfy(run -> assertThat(run.spec().train().steps()).isEqualTo(10));
    }

    @Test
    void changingTheTypeKeepsTheOtherKeysOfTheSection()
    {
        // labelSmoothing belongs to non-saturating only: the minimax runs of this sweep are invalid
        String descriptor = FULL.replace("{ type: non-saturating }", "{ type: non-saturating, labelSmoothing: 0.1 }") + """
                sweep:
                  loss.type: [minimax, non-saturating]
                """;
        assertThat(problems(descriptor)).containsExactly("sweep.loss.type[0]: loss.labelSmoothing: unknown key (known: type)");
    }

    @Test
    void aParameterOfASweptTypeMayBeSweptToo()
    {
        ExperimentPlan plan = parse(MINIMAL + """
                sweep:
                  loss.type: [non-saturating]
                  loss.labelSmoothing: [0.1, 0.2]
                """);

        assertThat(plan.runs()).extracting(run -> run.spec().loss().spec())
                .containsExactly(new FakeNonSaturatingSpec(0.1), new FakeNonSaturatingSpec(0.2));
    }

    @Test
    void typesWithDifferentParametersAreComparedBySweepingTheWholeSection()
    {
        ExperimentPlan plan = parse(FULL + """
                sweep:
                  loss: [{ type: minimax }, { type: non-saturating, labelSmoothing: 0.1 }]
                """);

        assertThat(plan.runs()).extracting(run -> run.spec().loss().spec())
                .containsExactly(new FakeMinimaxSpec(), new FakeNonSaturatingSpec(0.1));
        assertThat(plan.runs().get(1).runName()).isEqualTo("loss={type: non-saturating, labelSmoothing: 0.1}");
    }

    @Test
    void invalidSweepValuesAreReportedAtTheirSweepPath()
    {
        assertThat(problems(FULL + """
                sweep:
                  loss.type: [minimax, foo]
                  seed: [1, -2]
                  data.std: [-1.0]
                """)).containsExactlyInAnyOrder(
                "sweep.loss.type[1]: unknown loss 'foo' (known: minimax, non-saturating)",
                "sweep.seed[1]: must be >= 0 (got -2)",
                "sweep.data.std[0]: must be > 0 (got -1.0)");
    }

    @Test
    void sweepPathsMustNameFields()
    {
        assertThat(problems(FULL + """
                sweep:
                  train.stpes: [1, 2]
                  loss.margin: [1]
                  seed: []
                  data.modes: 4
                  name: [a, b]
                  metrics[3].threshold: [1]
                  "bad path": [1]
                """)).containsExactly(
                "sweep.seed: the list of values is empty",
                "sweep.data.modes: expected a list of values, got '4'",
                "sweep.bad path: not a path: expected keys joined by '.', e.g. loss.type or metrics[0].threshold",
                "sweep.train.stpes: unknown key 'stpes' (did you mean 'steps'?)",
                "sweep.loss.margin: unknown key 'margin' (known: type, labelSmoothing)",
                "sweep.name: the experiment name cannot be swept: the runs of a sweep share it",
                "sweep.metrics[3].threshold: 'metrics[3]' is not in the descriptor");
    }

    @Test
    void aBadSweepDoesNotHideTheOtherProblems()
    {
        assertThat(problems(FULL.replace("batchSize: 256", "batchSize: -1") + "sweep: [seed]\n")).containsExactly(
                "sweep: expected a mapping of paths to lists of values, got a list",
                "train.batchSize: must be > 0 (got -1)");
        assertThat(problems(FULL.replace("batchSize: 256", "batchSize: -1") + "sweep:\n  seed: [1, 2]\n"))
                .containsExactly("train.batchSize: must be > 0 (got -1)");
    }

    @Test
    void anEmptySweepIsOneRun()
    {
        ExperimentPlan plan = parse(FULL + "sweep: {}\n");

        assertThat(plan.isSweep()).isFalse();
        assertThat(plan.runs()).singleElement().extracting(RunPlan::runName).isEqualTo("ring8-loss-comparison");
    }
}
