package io.minimax.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/**
 * The lanes' row blocks of a stacked {@code [R·m, ...]} array as views, cached by the identity of the arrays last
 * seen: a stacked network is handed the same buffers every step, so each set of views is made once.
 */
final class RowBlocks
{
    private static final int CACHED_ARRAYS = 6;

    private final int lanes;
    private final INDArray[] arrays = new INDArray[CACHED_ARRAYS];
    private final INDArray[][] blocks = new INDArray[CACHED_ARRAYS][];
    private int next;

    RowBlocks(int lanes)
    {
        this.lanes = lanes;
    }

    INDArray[] of(INDArray array)
    {
        for (int i = 0; i < CACHED_ARRAYS; i++) {
            if (arrays[i] == array) {
                return blocks[i];
            }
        }
        long laneRows = array.size(0) / lanes;
        if (array.rank() < 2 || laneRows * lanes != array.size(0)) {
            throw new IllegalArgumentException("expected [R·m, ...] rows for R = " + lanes + " lanes, got " + Arrays.toString(array.shape()));
        }
        INDArray[] views = new INDArray[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            INDArrayIndex[] indices = new INDArrayIndex[array.rank()];
            indices[0] = NDArrayIndex.interval(lane * laneRows, (lane + 1) * laneRows);
            for (int dimension = 1; dimension < indices.length; dimension++) {
                indices[dimension] = NDArrayIndex.all();
            }
            views[lane] = array.get(indices);
        }
        arrays[next] = array;
        blocks[next] = views;
        next = (next + 1) % CACHED_ARRAYS;
        return views;
    }
}
