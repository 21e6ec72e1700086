package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code MINIMAX_LOCKSTEP_THREADS}: read by the CLI only, as {@code train.threads} when the descriptor does not say. */
class TestLockstepThreadsVariable
{
    private static final PluginRegistry REGISTRY = PluginLoader.load(Optional.empty());

    @Test
    void theVariableSetsTheThreadsOfADescriptorThatDoesNotSay()
    {
        ExperimentPlan plan = plan(PluginFixtures.defaultDescriptor());

        Optional<String> override = LockstepThreadsVariable.override(plan, Map.of("MINIMAX_LOCKSTEP_THREADS", "2"));

        assertThat(override).contains("train.threads=2");
        assertThat(plan(PluginFixtures.defaultDescriptor(), override.orElseThrow()).runs().get(0).spec().train().threads()).isEqualTo(2);
    }

    @Test
    void theDescriptorWinsOverTheVariable()
    {
        ExperimentPlan plan = plan(PluginFixtures.defaultDescriptor(), "train.threads=3");

        assertThat(LockstepThreadsVariable.override(plan, Map.of("MINIMAX_LOCKSTEP_THREADS", "2"))).isEmpty();
    }

    @Test
    void anUnsetOrMalformedVariableIsIgnored()
    {
        ExperimentPlan plan = plan(PluginFixtures.defaultDescriptor());

        assertThat(LockstepThreadsVariable.override(plan, Map.of())).isEmpty();
        assertThat(LockstepThreadsVariable.override(plan, Map.of("MINIMAX_LOCKSTEP_THREADS", "0"))).isEmpty();
        assertThat(LockstepThreadsVariable.override(plan, Map.of("MINIMAX_LOCKSTEP_THREADS", "two"))).isEmpty();
    }

    private static ExperimentPlan plan(String descriptor, String... overrides)
    {
        return new DescriptorLoader(REGISTRY).parse(descriptor, "fixture.yaml", false, List.of(overrides));
    }
}
