package io.minimax.core.descriptor;

import io.minimax.core.descriptor.FakePlugin.FakeR1Spec;
import org.junit.jupiter.api.Test;

import static io.minimax.core.descriptor.Descriptors.MINIMAL;
import static io.minimax.core.descriptor.Descriptors.parse;
import static io.minimax.core.descriptor.Descriptors.problems;
import static io.minimax.core.descriptor.Descriptors.spec;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code penalties:} list: plugin sections bound in order, strict like every other section. */
class TestDescriptorPenalties
{
    private static final String WITH_PENALTIES = MINIMAL + """
            penalties:
              - { type: r1, gamma: 1.0 }
              - { type: r1 }
            """;

    @Test
    void entriesBindInOrderWithTheirDefaults()
    {
        assertThat(spec(WITH_PENALTIES).penalties()).containsExactly(
                new PluginSelection("penalties[0]", "r1", new FakeR1Spec(1.0)),
                new PluginSelection("penalties[1]", "r1", new FakeR1Spec(10.0)));
        assertThat(parse(WITH_PENALTIES).runs().get(0).resolvedYaml())
                .contains("penalties:\n  - type: r1\n    gamma: 1.0\n  - type: r1\n    gamma: 10.0\n");
    }

    @Test
    void withoutTheSectionThereAreNoneAndTheResolvedDescriptorIsUnchanged()
    {
        assertThat(spec(MINIMAL).penalties()).isEmpty();
        assertThat(parse(MINIMAL).runs().get(0).resolvedYaml()).doesNotContain("penalties");
        assertThat(parse(MINIMAL).runs().get(0).params()).doesNotContainKey("penalties");
    }

    @Test
    void problemsNameTheEntry()
    {
        assertThat(problems(MINIMAL + "penalties:\n  - { type: r2 }\n"))
                .containsExactly("penalties[0].type: unknown penalty 'r2' (did you mean 'r1'? known: r1)");
        assertThat(problems(MINIMAL + "penalties:\n  - { type: r1, gamma: -1.0, lambda: 2 }\n"))
                .containsExactly("penalties[0].lambda: unknown key (known: type, gamma)", "penalties[0].gamma: must be >= 0 (got -1.0)");
        assertThat(problems(MINIMAL + "penalties: { type: r1 }\n"))
                .containsExactly("penalties: expected a list of penalty sections, got a mapping");
    }

    @Test
    void entriesCanBeSetAndSwept()
    {
        assertThat(spec(WITH_PENALTIES, "penalties[0].gamma=0.5").penalties().get(0).spec()).isEqualTo(new FakeR1Spec(0.5));
        assertThat(spec(MINIMAL, "penalties=[{type: r1}]").penalties()).hasSize(1);
        assertThat(problems(WITH_PENALTIES, "penalties.gamma=0.5"))
                .containsExactly("--set penalties.gamma: 'penalties' is a list: name an entry as penalties[0]");

        ExperimentPlan sweep = parse(WITH_PENALTIES + "sweep:\n  penalties[0].gamma: [0.0, 1.0, 10.0]\n");
        assertThat(sweep.runs()).extracting(run -> run.spec().penalties().get(0).spec())
                .containsExactly(new FakeR1Spec(0.0), new FakeR1Spec(1.0), new FakeR1Spec(10.0));
        assertThat(sweep.runs()).extracting(RunPlan::runName).containsExactly("gamma=0", "gamma=1", "gamma=10");
    }
}
