package io.minimax.core.engine;

import io.minimax.spi.network.Network;
import io.minimax.spi.optim.Optimizer;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The vectors each player's optimizer steps over: a run's own networks, or the stacks of a lockstep's lanes
 * ({@link Network#stack}), where each lane's parameters and gradients are views of one vector per player, so that
 * one pass of one element-wise optimizer updates every lane as its own optimizer would.
 */
record ParameterVectors(Network generator, Optimizer generatorOptimizer, Network discriminator, Optimizer discriminatorOptimizer)
{
    ParameterVectors
    {
        requireNonNull(generator, "generator is null");
        requireNonNull(generatorOptimizer, "generatorOptimizer is null");
        requireNonNull(discriminator, "discriminator is null");
        requireNonNull(discriminatorOptimizer, "discriminatorOptimizer is null");
    }

    static ParameterVectors of(Players players)
    {
        return new ParameterVectors(players.generator(), players.generatorOptimizer(), players.discriminator(), players.discriminatorOptimizer());
    }

    /**
     * Stacks the lanes' networks; the lanes' networks keep working alone afterwards (they become views of the
     * stacks), so after a {@link NotStackableException} they can be trained one by one as usual. The first lane's
     * optimizers, which have not stepped yet, serve the stacks.
     */
    static ParameterVectors stack(List<Players> lanes)
            throws NotStackableException
    {
        if (lanes.isEmpty()) {
            throw new NotStackableException("a lockstep needs at least one run");
        }
        checkLanes(lanes);
        Players first = lanes.get(0);
        Network generator = first.generator().stack(lanes.stream().map(Players::generator).toList())
                .orElseThrow(() -> new NotStackableException("the generator " + first.generator() + " cannot be stacked"));
        Network discriminator = first.discriminator().stack(lanes.stream().map(Players::discriminator).toList())
                .orElseThrow(() -> new NotStackableException("the discriminator " + first.discriminator() + " cannot be stacked"));
        return new ParameterVectors(generator, first.generatorOptimizer(), discriminator, first.discriminatorOptimizer());
    }

    /** What every lane must share before anything is stacked. */
    static void checkLanes(List<Players> lanes)
            throws NotStackableException
    {
        Players first = lanes.get(0);
        for (Players lane : lanes) {
            if (!lane.generatorOptimizer().isElementwise() || !lane.discriminatorOptimizer().isElementwise()) {
                throw new NotStackableException("an optimizer that is not element-wise cannot update stacked parameters in one pass");
            }
            if (lane.prior().dimension() != first.prior().dimension() || !Arrays.equals(lane.data().sampleShape(), first.data().sampleShape())) {
                throw new NotStackableException("the runs' noise or sample shapes differ");
            }
        }
    }

    void stepGenerator()
    {
        generatorOptimizer.step(generator.parameters(), generator.gradients());
    }

    void stepDiscriminator()
    {
        discriminatorOptimizer.step(discriminator.parameters(), discriminator.gradients());
    }
}
