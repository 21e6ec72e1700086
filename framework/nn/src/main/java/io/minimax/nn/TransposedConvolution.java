package io.minimax.nn;

import io.minimax.nn.kernel.Gemm;
import io.minimax.nn.kernel.NativeBlocks;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The transposed convolution of a {@link ConvGeometry} for one batch size, with its buffers: from {@code [F, OH, OW, m]}
 * to {@code [C, H, W, m]}, {@code x[c, ih, iw, b] = Σ W[f, c, i, j]·y[f, (ih + p - i)/s, (iw + p - j)/s, b]} over the
 * taps where the division is exact and lands inside y. It is the input gradient of the convolution and the forward
 * pass of a transposed convolution layer; it has no bias. One product per {@link ConvGeometry.Phase}.
 */
final class TransposedConvolution
{
    private final ConvGeometry.Phase[] phases;
    private final NativeMatrix[] weights;
    private final NativeMatrix[] columns;
    private final NativeMatrix[] products;

    TransposedConvolution(ConvGeometry geometry, int batch, DataType dataType)
    {
        this.phases = geometry.phases(batch);
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
     * innermost) with {@code layerWeights} ({@code [F, C·k·k]}) into every element of {@code target} ({@code [C·H·W, m]}).
     */
    void apply(NativeBlocks layerWeights, NativeBlocks gradient, NativeBlocks target)
    {
        for (int i = 0; i < phases.length; i++) {
            ConvGeometry.Phase phase = phases[i];
            layerWeights.gather(phase.weightIndices(), weights[i].blocks());
            phase.columns().apply(gradient, columns[i].blocks());
            Gemm.gemm(weights[i].array(), columns[i].array(), products[i].array(), false, false, 1.0, 0.0);
            phase.scatter().apply(products[i].blocks(), target);
        }
    }
}
