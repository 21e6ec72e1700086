package io.minimax.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The lanes' row blocks of a stacked {@code [R·m, n]} array as views, cached by the identity of the arrays last seen:
 * a stacked pass is handed the same buffers every step, so the views are made once.
 */
final class RowBlocks
{
    private static final int CACHED_ARRAYS = 4;

    private final int lanes;
    private final long laneRows;
    private final INDArray[] arrays = new INDArray[CACHED_ARRAYS];
    private final INDArray[][] blocks = new INDArray[CACHED_ARRAYS][];
    private int next;

    RowBlocks(int lanes, long laneRows)
    {
        this.lanes = lanes;
        this.laneRows = laneRows;
    }

    INDArray[] of(INDArray array)
    {
        for (int i = 0; i < CACHED_ARRAYS; i++) {
            if (arrays[i] == array) {
                return blocks[i];
            }
        }
        if (array.rank() != 2 || array.size(0) != lanes * laneRows) {
            throw new IllegalArgumentException("expected [" + lanes * laneRows + ", n] for " + lanes + " lanes of " + laneRows
                    + " rows, got " + java.util.Arrays.toString(array.shape()));
        }
        INDArray[] views = new INDArray[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            views[lane] = array.get(NDArrayIndex.interval(lane * laneRows, (lane + 1) * laneRows), NDArrayIndex.all());
        }
        arrays[next] = array;
        blocks[next] = views;
        next = (next + 1) % CACHED_ARRAYS;
        return views;
    }
}
