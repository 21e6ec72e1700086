package io.minimax.core.engine;

import io.minimax.core.descriptor.UpdateRule;

/**
 * How one iteration of Algorithm 1 orders its k discriminator updates and its generator update. Chosen once from
 * {@code train.updates}, as TF-GAN chooses between its sequential and joint train hooks, so that the loop reads the
 * same whichever rule a run asks for.
 */
public interface UpdateSchedule
{
    /** The moves an iteration is made of; each acts on every lane that is still training. */
    interface Updates
    {
        /** D's gradient at the current parameters of both players; remembers D's loss. */
        void computeDiscriminatorGradients();

        /** One optimizer step of D along the gradient last computed, then the loss's constraint on D (clipping). */
        void applyDiscriminatorGradients();

        /** G's gradient at the current parameters of both players; leaves D's gradient as it was. */
        void computeGeneratorGradients();

        void applyGeneratorGradients();
    }

    /** One iteration: {@code discriminatorSteps} (k) discriminator updates and one generator update. */
    void iterate(Updates updates, int discriminatorSteps);

    static UpdateSchedule of(UpdateRule rule)
    {
        return switch (rule) {
            case ALTERNATING -> new AlternatingUpdates();
            case SIMULTANEOUS -> new SimultaneousUpdates();
        };
    }
}
