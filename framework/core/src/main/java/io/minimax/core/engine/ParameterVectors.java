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
 * The vectors each player's optimizer steps over. The framework owns them and hands each network its views
 * ({@link Network#initialize}): a run alone has one {@code [1, P]} vector per player; the lanes of a lockstep share
 * one {@code [1, R·P]} vector per player, lane r's values after those of the lanes before it, so that one pass of
 * one element-wise optimizer updates every lane as its own optimizer would.
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

    /** A run's own vectors, handed to its networks when it was wired ({@link ParameterOwner#RUN}). */
    static ParameterVectors of(Players players)
    {
        return new ParameterVectors(Vectors.of(players.generator()), players.generatorOptimizer(),
                Vectors.of(players.discriminator()), players.discriminatorOptimizer());
    }

    /**
     * New vectors for the lanes' networks ({@link ParameterOwner#LOCKSTEP}), each lane's networks handed their
     * slices; a lane still works alone afterwards, on its own views. The first lane's optimizers, which have not
     * stepped yet, serve all lanes.
     */
    static ParameterVectors handOut(List<Players> lanes, DataType dataType)
    {
        Players first = lanes.get(0);
        return new ParameterVectors(Vectors.handOut(lanes.stream().map(Players::generator).toList(), dataType), first.generatorOptimizer(),
                Vectors.handOut(lanes.stream().map(Players::discriminator).toList(), dataType), first.discriminatorOptimizer());
    }

    /** What every lane must share for one optimizer pass to serve them all. */
    static void checkLanes(List<Players> lanes)
            throws LockstepRefusedException
    {
        Players first = lanes.get(0);
        for (Players lane : lanes) {
            if (!lane.generatorOptimizer().isElementwise() || !lane.discriminatorOptimizer().isElementwise()) {
                throw new LockstepRefusedException("an optimizer that is not element-wise cannot update the lanes' parameters in one pass");
            }
            if (lane.prior().dimension() != first.prior().dimension()
                    || !Arrays.equals(lane.data().sampleShape(), first.data().sampleShape())) {
                throw new LockstepRefusedException("the runs' noise or sample shapes differ");
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
        static Vectors handOut(List<Network> networks, DataType dataType)
        {
            long length = networks.stream().mapToLong(Network::parameterCount).sum();
            Vectors vectors = new Vectors(Nd4j.create(dataType, 1, length), Nd4j.create(dataType, 1, length));
            long offset = 0;
            for (Network network : networks) {
                long end = offset + network.parameterCount();
                network.initialize(slice(vectors.parameters, offset, end), slice(vectors.gradients, offset, end));
                offset = end;
            }
            return vectors;
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
