package io.minimax.spi.network;

/** How a network's forward passes treat statistics of their batch ({@link Network#setMode}). */
public enum NetworkMode
{
    /** Normalize with the batch's own statistics and fold them into the network's running state. */
    TRAINING,
    /** Normalize with the running state, so that a sample does not depend on the others in its batch. */
    INFERENCE
}
