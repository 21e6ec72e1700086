package io.minimax.nn;

import io.minimax.nn.kernel.BlockCopies;
import io.minimax.nn.kernel.Gemm;
import io.minimax.nn.kernel.NativeBlocks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The transposed convolution of a {@link ConvGeometry} for one batch size, with its buffers: from {@code [F, OH, OW, m]}
 * to {@code [C, H, W, m]}, {@code x[c, ih, iw, b] = Σ W[f, c, i, j]·y[f, (ih + p - i)/s, (iw + p - j)/s, b]} over the
 * taps where the division is exact and lands inside y. It is the input gradient of the convolution and the forward
 * pass of a transposed convolution layer; it has no bias.
 *
 * <p>Two ways, chosen by the data they move. With many input channels per output channel (F ≥ 4C) as col2im:
 * {@code dcols = Wᵀ·y}, {@code [C·k², OH·OW·m]}, then its blocks summed into x, the adjoint of im2col. Otherwise one
 * product per {@link ConvGeometry.Phase} over gathered copies of y, which moves about F/C times as much data as col2im
 * but adds nothing in Java.
 */
final class TransposedConvolution
{
    private final boolean col2im;
    private final BlockCopies im2col;
    private final NativeMatrix gradientColumns;
    private final ConvGeometry.Phase[] phases;
    private final NativeMatrix[] weights;
    private final NativeMatrix[] columns;
    private final NativeMatrix[] products;

    TransposedConvolution(ConvGeometry geometry, int batch, DataType dataType)
    {
        this.col2im = geometry.filters() >= 4 * geometry.channels();
        this.im2col = col2im ? geometry.columns(batch) : null;
        this.gradientColumns = col2im
                ? NativeMatrix.zeros(dataType, geometry.columnRows(), (long) geometry.outHeight() * geometry.outWidth() * batch)
                : null;
        this.phases = col2im ? new ConvGeometry.Phase[0] : geometry.phases(batch);
        this.weights = new NativeMatrix[phases.length];
        this.columns = new NativeMatrix[phases.length];
        this.products = new NativeMatrix[phases.length];
        for (int i = 0; i < phases.length; i++) {
            ConvGeometry.Phase phase = phases[i];
            weights[i] = NativeMatrix.zeros(dataType, geometry.channels(), phase.taps());
            columns[i] = NativeMatrix.zeros(dataType, phase.taps(), phase.positions());
            products[i] = NativeMatrix.zeros(dataType, geometry.channels(), phase.positions());
        }
    }

    /**
     * Writes the transposed convolution of {@code gradient} ({@code [F·OH·OW, m]}, channels-first with the batch
     * innermost; {@code gradientMatrix} is the same array as {@code [F, OH·OW·m]}) with the weights ({@code [F, C·k·k]},
     * as a matrix and as blocks) into every element of {@code target} ({@code [C·H·W, m]}).
     */
    void apply(INDArray weightMatrix, NativeBlocks layerWeights, INDArray gradientMatrix, NativeBlocks gradient, NativeBlocks target)
    {
        if (col2im) {
            Gemm.gemm(weightMatrix, gradientMatrix, gradientColumns.array(), true, false, 1.0, 0.0);
            im2col.applyAdjoint(gradientColumns.blocks(), target);
            return;
        }
        for (int i = 0; i < phases.length; i++) {
            ConvGeometry.Phase phase = phases[i];
            layerWeights.gather(phase.weightIndices(), weights[i].blocks());
            phase.columns().apply(gradient, columns[i].blocks());
            Gemm.gemm(weights[i].array(), columns[i].array(), products[i].array(), false, false, 1.0, 0.0);
            phase.scatter().apply(products[i].blocks(), target);
        }
    }
}
