package io.minimax.core.engine;

import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/**
 * Who hands a run's networks their parameter and gradient vectors ({@link Network#initialize}) once they are made:
 * the run itself, at once, one vector per player; or the lockstep the run becomes a lane of ({@link ParallelLockstep}),
 * which gives every lane a slice of one vector per player.
 */
public enum ParameterOwner
{
    RUN {
        @Override
        public void networkMade(Network network, DataType dataType)
        {
            ParameterVectors.Vectors.handOut(List.of(network), dataType);
        }
    },
    LOCKSTEP {
        @Override
        public void networkMade(Network network, DataType dataType)
        {
            // the lockstep hands the vectors out when it has all its lanes
        }
    };

    /** Called with every network as soon as it is made, before anything uses it. */
    public abstract void networkMade(Network network, DataType dataType);
}
