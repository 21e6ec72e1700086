package io.minimax.nn;

import io.minimax.nn.kernel.Gemm;
import io.minimax.nn.kernel.NativeBlocks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of a convolution layer in the order its products want, for one pass: {@code K = [F, (i, j, c)]},
 * gathered from the layer's {@code [F, C, k, k]} weights before every forward pass (an optimizer step changes them in
 * between), and the weight gradient computed as {@code dKᵀ = [(i, j, c), F]} (the product OpenBLAS runs fastest on
 * these shapes), then put into the {@code [F, C, k, k]} order of the layer's gradient slice. Both moves are a
 * permutation of F·C·k² values, small next to the products.
 */
final class ConvolutionKernel
{
    private final NativeBlocks weights;
    private final NativeBlocks weightGradients;
    private final int[] order;
    private final int[] gradientOrder;
    private final NativeMatrix kernel;
    private final NativeMatrix gradientTransposed;

    /** {@code weights} and {@code weightGradients}: the layer's slices of the two vectors as {@code [F, C·k·k]}. */
    ConvolutionKernel(ConvGeometry geometry, INDArray weights, INDArray weightGradients, DataType dataType)
    {
        this.weights = NativeBlocks.of(weights);
        this.weightGradients = NativeBlocks.of(weightGradients);
        this.order = geometry.kernelOrder();
        this.gradientOrder = geometry.kernelGradientOrder();
        this.kernel = NativeMatrix.zeros(dataType, geometry.filters(), geometry.columnRows());
        this.gradientTransposed = NativeMatrix.zeros(dataType, geometry.columnRows(), geometry.filters());
    }

    /** Gathers K from the current weights. */
    void refresh()
    {
        weights.gather(order, kernel.blocks());
    }

    /** K, {@code [F, k·k·C]}, as of the last {@link #refresh}. */
    INDArray matrix()
    {
        return kernel.array();
    }

    /** {@code dKᵀ = colsᵀ·pixels} ({@code first}) or {@code dKᵀ += colsᵀ·pixels}; cols {@code [P, k·k·C]}, pixels {@code [P, F]}. */
    void accumulateGradient(INDArray cols, INDArray pixels, boolean first)
    {
        Gemm.gemm(cols, pixels, gradientTransposed.array(), true, false, 1.0, first ? 0.0 : 1.0);
    }

    /** Overwrites the layer's weight gradient with dKᵀ, in its {@code [F, C, k, k]} order. */
    void writeGradient()
    {
        gradientTransposed.blocks().gather(gradientOrder, weightGradients);
    }

    /** Adds dKᵀ to the layer's weight gradient, in its {@code [F, C, k, k]} order. */
    void addGradient()
    {
        gradientTransposed.blocks().gatherAdd(gradientOrder, weightGradients);
    }
}
