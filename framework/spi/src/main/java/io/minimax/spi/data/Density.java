package io.minimax.spi.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A closed-form density of p_data, for instruments that compare p_g with p_data (D*, JSD). */
public interface Density
{
    /**
     * log p_data(x) in nats for every row of {@code points} ({@code [n, sampleShape...]}), as a new {@code [n]}
     * array owned by the caller.
     */
    INDArray logDensity(INDArray points);
}
