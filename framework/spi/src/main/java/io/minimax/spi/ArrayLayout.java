package io.minimax.spi;

import org.nd4j.linalg.api.ndarray.INDArray;

/** How an array's elements lie in its buffer. */
public final class ArrayLayout
{
    private ArrayLayout() {}

    /**
     * Whether the elements lie one after another in row-major order from the array's first element (a view of whole
     * rows does; ND4J may call a {@code [1, n]} view 'f'-ordered, so strides are checked, not the ordering flag).
     */
    public static boolean isContiguous(INDArray array)
    {
        long expected = 1;
        for (int dimension = array.rank() - 1; dimension >= 0; dimension--) {
            if (array.size(dimension) > 1 && array.stride(dimension) != expected) {
                return false;
            }
            expected *= array.size(dimension);
        }
        return true;
    }
}
