package io.minimax.plugins.priors;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** The one check every prior makes before it fills a caller's array. */
final class PriorShapes
{
    private PriorShapes() {}

    /** Fails unless {@code out} is {@code [m, dimension]}: a wrong shape here would silently feed G garbage. */
    static void checkBatch(INDArray out, int dimension)
    {
        if (out.rank() != 2 || out.size(1) != dimension) {
            throw new IllegalArgumentException("prior samples need shape [m, " + dimension + "], got " + Arrays.toString(out.shape()));
        }
    }
}
