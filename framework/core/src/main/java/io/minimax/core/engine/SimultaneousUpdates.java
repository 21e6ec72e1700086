package io.minimax.core.engine;

/**
 * The first k-1 discriminator updates as in {@link AlternatingUpdates}; the last one and the generator's are both
 * computed at the same parameters and applied together.
 */
final class SimultaneousUpdates
        implements UpdateSchedule
{
    @Override
    public void iterate(Updates updates, int discriminatorSteps)
    {
        for (int i = 1; i < discriminatorSteps; i++) {
            updates.computeDiscriminatorGradients();
            updates.applyDiscriminatorGradients();
        }
        updates.computeDiscriminatorGradients();
        updates.computeGeneratorGradients();
        updates.applyDiscriminatorGradients();
        updates.applyGeneratorGradients();
    }

    @Override
    public String toString()
    {
        return "simultaneous";
    }
}
