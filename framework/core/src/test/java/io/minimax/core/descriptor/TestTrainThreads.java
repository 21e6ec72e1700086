package io.minimax.core.descriptor;

import org.junit.jupiter.api.Test;

import static io.minimax.core.descriptor.Descriptors.MINIMAL;
import static io.minimax.core.descriptor.Descriptors.parse;
import static io.minimax.core.descriptor.Descriptors.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code train.threads}: how many threads share a lockstep's lanes; how a sweep is computed, not what. */
class TestTrainThreads
{
    @Test
    void oneThreadPerCoreWhenNotWrittenAndLeftOutOfTheResolvedDescriptor()
    {
        RunPlan run = parse(MINIMAL).runs().get(0);

        assertThat(run.spec().train().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(run.params()).doesNotContainKey("train.threads");
        assertThat(run.resolvedYaml()).doesNotContain("threads");
    }

    @Test
    void aWrittenCountIsUsedAndResolved()
    {
        RunPlan run = parse(MINIMAL, "train.threads=3").runs().get(0);

        assertThat(run.spec().train().threads()).isEqualTo(3);
        assertThat(run.params()).containsEntry("train.threads", "3");
    }

    @Test
    void aCountMustBePositive()
    {
        assertThat(problems(MINIMAL, "train.threads=0")).containsExactly("train.threads: must be > 0 (got 0)");
        assertThat(problems(MINIMAL, "train.threads=many")).containsExactly("train.threads: expected an integer, got 'many'");
    }
}
