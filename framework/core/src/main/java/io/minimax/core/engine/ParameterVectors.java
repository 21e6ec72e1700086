package io.minimax.core.engine;

import io.minimax.spi.network.Network;
import io.minimax.spi.optim.Optimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The vectors each player's optimizer steps over. The framework owns them and hands each network its views
 * ({@link Network#initialize}): a run alone has one {@code [1, P]} vector per player; the lanes of a lockstep share
 * one {@code [1, R·P]} vector per player, lane r's values after those of the lanes before it ({@link #handOut}), and
 * {@link TrainingLoop} steps each lane's slices with the lane's own optimizers ({@link #of}), a block of steps at a
 * time. One element-wise optimizer over all lanes' vectors, one pass per step, measured slower once the lanes
 * outgrew the cache; {@link #split} and {@link #join} cut and join such an optimizer's state.
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
     * slices; a lane still works alone afterwards, on its own views. The returned vectors are stepped by the first
     * lane's optimizers, which have not stepped yet: an optimizer pass over all lanes at once.
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

    /** Each lane's share of the generator optimizer's state, in lane order (see {@link #split}). */
    List<List<INDArray>> generatorStates()
    {
        return split(generatorOptimizer.state(), generator.bounds());
    }

    List<List<INDArray>> discriminatorStates()
    {
        return split(discriminatorOptimizer.state(), discriminator.bounds());
    }

    /** Gives the optimizers the lanes' saved states, joined as {@link #split} cut them. */
    void restoreOptimizers(List<Checkpointing.Restored> lanes)
    {
        generatorOptimizer.restore(join(lanes.stream().map(Checkpointing.Restored::generatorOptimizer).toList(), generator.bounds()));
        discriminatorOptimizer.restore(join(lanes.stream().map(Checkpointing.Restored::discriminatorOptimizer).toList(),
                discriminator.bounds()));
    }

    /**
     * Cuts an element-wise optimizer's state into each lane's share: a floating-point array holds one value per
     * parameter ({@link Optimizer#state()}), so lane r's share is its parameters' interval, shaped as the run's own
     * optimizer would shape it; an integer array (a step count) is the same for every lane. One lane gets it whole.
     */
    static List<List<INDArray>> split(List<INDArray> state, List<Long> bounds)
    {
        int lanes = bounds.size() - 1;
        if (lanes == 1) {
            return List.of(state);
        }
        long total = bounds.get(lanes);
        List<List<INDArray>> shares = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            List<INDArray> share = new ArrayList<>();
            for (INDArray array : state) {
                if (!array.dataType().isFPType()) {
                    share.add(array.dup());
                    continue;
                }
                if (array.length() != total) {
                    throw new IllegalStateException("an optimizer state array has " + array.length() + " values for " + total
                            + " parameters");
                }
                long start = bounds.get(lane);
                long length = bounds.get(lane + 1) - start;
                INDArray values = length == 0 ? Nd4j.create(array.dataType(), 0)
                        : array.reshape(total).get(NDArrayIndex.interval(start, start + length)).dup();
                share.add(array.rank() == 2 ? values.reshape(1, length) : values.reshape(length));
            }
            shares.add(share);
        }
        return shares;
    }

    /** The inverse of {@link #split}: the lanes' shares laid end to end, the integer arrays of the first lane. */
    static List<INDArray> join(List<List<INDArray>> shares, List<Long> bounds)
    {
        if (shares.size() == 1) {
            return shares.get(0);
        }
        List<INDArray> first = shares.get(0);
        List<INDArray> joined = new ArrayList<>();
        for (int index = 0; index < first.size(); index++) {
            INDArray array = first.get(index);
            if (!array.dataType().isFPType()) {
                joined.add(array);
                continue;
            }
            final int position = index;
            INDArray[] parts = shares.stream().map(share -> share.get(position).reshape(share.get(position).length()))
                    .toArray(INDArray[]::new);
            INDArray values = Nd4j.concat(0, parts);
            joined.add(array.rank() == 2 ? values.reshape(1, bounds.get(bounds.size() - 1)) : values);
        }
        return joined;
    }

    void stepGenerator()
    {
        generatorOptimizer.step(generator.parameters(), generator.gradients());
    }

    void stepDiscriminator()
    {
        discriminatorOptimizer.step(discriminator.parameters(), discriminator.gradients());
    }

    /**
     * One player's parameter vector and gradient vector, {@code [1, n]} each, and where each lane's part of them
     * starts: lane r's is {@code [bounds[r], bounds[r + 1])}.
     */
    record Vectors(INDArray parameters, INDArray gradients, List<Long> bounds)
    {
        static Vectors of(Network network)
        {
            return new Vectors(network.parameters(), network.gradients(), List.of(0L, network.parameterCount()));
        }

        /**
         * Zeros of {@code [1, ΣP]} in {@code dataType}, every network handed its slice in order; a single network
         * gets the whole vectors.
         */
        static Vectors handOut(List<Network> networks, DataType dataType)
        {
            long length = networks.stream().mapToLong(Network::parameterCount).sum();
            List<Long> bounds = new ArrayList<>(List.of(0L));
            Vectors vectors = new Vectors(Nd4j.create(dataType, 1, length), Nd4j.create(dataType, 1, length), bounds);
            long offset = 0;
            for (Network network : networks) {
                long end = offset + network.parameterCount();
                network.initialize(slice(vectors.parameters, offset, end), slice(vectors.gradients, offset, end));
                offset = end;
                bounds.add(end);
            }
            return new Vectors(vectors.parameters, vectors.gradients, List.copyOf(bounds));
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
