package io.minimax.core.engine;

/** Goodfellow et al.'s order: k discriminator updates, then the generator's against the updated D. */
final class AlternatingUpdates
        implements UpdateSchedule
{
    @Override
    public void iterate(Updates updates, int discriminatorSteps)
    {
        for (int i = 0; i < discriminatorSteps; i++) {
            updates.computeDiscriminatorGradients();
            updates.applyDiscriminatorGradients();
        }
        updates.computeGeneratorGradients();
        updates.applyGeneratorGradients();
    }

    @Override
    public String toString()
    {
        return "alternating";
    }
}
