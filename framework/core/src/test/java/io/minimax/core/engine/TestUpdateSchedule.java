package io.minimax.core.engine;

import io.minimax.core.descriptor.UpdateRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestUpdateSchedule
{
    @Test
    void alternatingUpdatesMoveTheGeneratorAgainstTheUpdatedDiscriminator()
    {
        RecordingUpdates updates = new RecordingUpdates();
        UpdateSchedule.of(UpdateRule.ALTERNATING).iterate(updates, 2);

        assertThat(updates.moves).containsExactly(
                "compute D", "apply D",
                "compute D", "apply D",
                "compute G", "apply G");
    }

    @Test
    void simultaneousUpdatesComputeTheLastDiscriminatorGradientAndTheGeneratorsAtTheSameParameters()
    {
        RecordingUpdates updates = new RecordingUpdates();
        UpdateSchedule.of(UpdateRule.SIMULTANEOUS).iterate(updates, 3);

        assertThat(updates.moves).containsExactly(
                "compute D", "apply D",
                "compute D", "apply D",
                "compute D", "compute G", "apply D", "apply G");
    }

    @Test
    void withOneDiscriminatorStepTheRulesDifferOnlyInWhenDIsApplied()
    {
        RecordingUpdates alternating = new RecordingUpdates();
        UpdateSchedule.of(UpdateRule.ALTERNATING).iterate(alternating, 1);
        RecordingUpdates simultaneous = new RecordingUpdates();
        UpdateSchedule.of(UpdateRule.SIMULTANEOUS).iterate(simultaneous, 1);

        assertThat(alternating.moves).containsExactly("compute D", "apply D", "compute G", "apply G");
        assertThat(simultaneous.moves).containsExactly("compute D", "compute G", "apply D", "apply G");
    }

    @Test
    void eachRuleHasItsOwnSchedule()
    {
        assertThat(UpdateSchedule.of(UpdateRule.ALTERNATING)).isInstanceOf(AlternatingUpdates.class).hasToString("alternating");
        assertThat(UpdateSchedule.of(UpdateRule.SIMULTANEOUS)).isInstanceOf(SimultaneousUpdates.class).hasToString("simultaneous");
    }

    private static final class RecordingUpdates
            implements UpdateSchedule.Updates
    {
        private final List<String> moves = new ArrayList<>();

        @Override
        public void computeDiscriminatorGradients()
        {
            moves.add("compute D");
        }

        @Override
        public void applyDiscriminatorGradients()
        {
            moves.add("apply D");
        }

        @Override
        public void computeGeneratorGradients()
        {
            moves.add("compute G");
        }

        @Override
        public void applyGeneratorGradients()
        {
            moves.add("apply G");
        }
    }
}
