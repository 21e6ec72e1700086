package io.minimax.core.engine;

import io.minimax.spi.network.Network;
import io.minimax.spi.optim.Optimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The vectors a run's optimizers step over, with those optimizers. The framework owns the vectors and hands each network
 * its views ({@link Network#initialize}): a run alone has one {@code [1, P]} vector per player; the lanes of a lockstep
 * share one {@code [1, R·P]} vector per player, lane r's values after those of the lanes before it ({@link #handOut}).
 * Either way a run's own optimizers step its own vectors or slices ({@link #of}): {@link TrainingLoop} runs the lanes
 * a block of steps at a time, each with its own optimizers (one element-wise optimizer over all lanes' vectors, one
 * pass per step, measured slower once the lanes outgrew the cache), so a lane's optimizer state is exactly what its run
 * alone holds, and saves.
 */
record ParameterVectors(Vectors generator, Optimizer generatorOptimizer, Vectors discriminator, Optimizer discriminatorOptimizer)
{
    ParameterVectors
    {
        requireNonNull(generator, "generator is null");
        requireNonNull(generatorOptimizer, "generatorOptimizer is null");
        requireNonNull(discriminator, "discriminator is null");
        requireNonNull(discriminatorOptimizer, "discriminatorOptimizer is null");
    }

    /** A run's vectors, as its networks hold them (handed out when it was wired or by {@link #handOut}), and its optimizers. */
    static ParameterVectors of(Players players)
    {
        return new ParameterVectors(Vectors.of(players.generator()), players.generatorOptimizer(),
                Vectors.of(players.discriminator()), players.discriminatorOptimizer());
    }

    /**
     * New vectors for the lanes' networks ({@link ParameterOwner#LOCKSTEP}), each lane's networks handed their
     * slices; a lane then works alone, on its own views.
     */
    static void handOut(List<Players> lanes, DataType dataType)
    {
        Vectors.handOut(lanes.stream().map(Players::generator).toList(), dataType);
        Vectors.handOut(lanes.stream().map(Players::discriminator).toList(), dataType);
    }

    /**
     * What a lockstep asks of its lanes: the same noise and sample shapes. Any optimizer will do, element-wise or not
     * (one clipping by a global norm, say): each lane steps its own, over its own slices.
     */
    static void checkLanes(List<Players> lanes)
            throws LockstepRefusedException
    {
        Players first = lanes.get(0);
        for (Players lane : lanes) {
            if (lane.prior().dimension() != first.prior().dimension()
                    || !Arrays.equals(lane.data().sampleShape(), first.data().sampleShape())) {
                throw new LockstepRefusedException("the runs' noise or sample shapes differ");
            }
        }
    }

    /** The generator optimizer's state, as a checkpoint saves it ({@link Optimizer#state()}). */
    List<INDArray> generatorState()
    {
        return generatorOptimizer.state();
    }

    List<INDArray> discriminatorState()
    {
        return discriminatorOptimizer.state();
    }

    /** Gives the optimizers the states a checkpoint saved. */
    void restoreOptimizers(Checkpointing.Restored restored)
    {
        generatorOptimizer.restore(restored.generatorOptimizer());
        discriminatorOptimizer.restore(restored.discriminatorOptimizer());
    }

    void stepGenerator()
    {
        generatorOptimizer.step(generator.parameters(), generator.gradients());
    }

    void stepDiscriminator()
    {
        discriminatorOptimizer.step(discriminator.parameters(), discriminator.gradients());
    }

    /** One player's parameter vector and gradient vector, {@code [1, n]} each. */
    record Vectors(INDArray parameters, INDArray gradients)
    {
        static Vectors of(Network network)
        {
            return new Vectors(network.parameters(), network.gradients());
        }

        /**
         * Zeros of {@code [1, ΣP]} in {@code dataType}, every network handed its slice in order; a single network
         * gets the whole vectors.
         */
        static void handOut(List<Network> networks, DataType dataType)
        {
            long length = networks.stream().mapToLong(Network::parameterCount).sum();
            INDArray parameters = Nd4j.create(dataType, 1, length);
            INDArray gradients = Nd4j.create(dataType, 1, length);
            long offset = 0;
            for (Network network : networks) {
                long end = offset + network.parameterCount();
                network.initialize(slice(parameters, offset, end), slice(gradients, offset, end));
                offset = end;
            }
        }

        private static INDArray slice(INDArray vector, long start, long end)
        {
            if (start == 0 && end == vector.length()) {
                return vector;
            }
            if (start == end) {
                // ND4J cannot take an empty interval of a vector
                return Nd4j.create(vector.dataType(), 1, 0);
            }
            return vector.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(start, end));
        }
    }
}
