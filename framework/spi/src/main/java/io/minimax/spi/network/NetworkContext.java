package io.minimax.spi.network;

import io.minimax.spi.PluginContext;

/**
 * What a network factory needs besides its spec: its role and the shapes it must map between. For the generator
 * the input is {@code [prior dimension]} and the output the data's sample shape; for the discriminator the input is
 * the sample shape and the output {@code [1]} (one logit per sample).
 */
public interface NetworkContext
        extends PluginContext
{
    NetworkRole role();

    /** The shape of one input sample, without the batch dimension. */
    long[] inputShape();

    /** The shape of one output sample, without the batch dimension. */
    long[] outputShape();
}
