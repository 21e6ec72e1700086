package io.minimax.spi.prior;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The noise prior p_z the generator maps from. */
public interface NoisePrior
{
    /** The dimension of z. */
    int dimension();

    /** Fills {@code out} ({@code [m, dimension]}, owned by the caller) with m independent draws of z. */
    void sample(INDArray out);
}
