package io.minimax.plugins.dirac;

import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * y = x·W (+ b) on flattened samples, every weight starting at {@code init} and the bias at 0; Dirac-GAN's
 * discriminator D(x) = ψ·x is the 1 → 1 case without bias. Parameters: W ({@code [in, out]}, row-major), then b.
 *
 * <p>Double backpropagation in closed form: the input gradient is g_i = u_i·Wᵀ, so
 * ∂/∂W Σ_i ⟨w_i, g_i⟩ = wᵀ·u and ∂/∂b = 0. With a single weight it logs ψ (and the bias, if any).
 */
final class LinearNetwork
        implements Network
{
    private final long[] inputShape;
    private final long[] outputShape;
    private final long inputSize;
    private final long outputSize;
    private final boolean hasBias;
    private final DataType dataType;
    private final ScalarNames names;
    private final long weightCount;
    private final long parameterCount;
    private final double init;
    private INDArray parameters;
    private INDArray gradients;
    private INDArray weights;
    private INDArray weightGradients;
    private INDArray bias;
    private INDArray biasGradients;
    private final PassCache<Pass> passes = new PassCache<>(Pass::new);

    LinearNetwork(long[] inputShape, long[] outputShape, boolean hasBias, double init, DataType dataType, ScalarNames names)
    {
        this.inputShape = inputShape.clone();
        this.outputShape = outputShape.clone();
        this.inputSize = Shapes.elementCount(inputShape);
        this.outputSize = Shapes.elementCount(outputShape);
        this.hasBias = hasBias;
        this.dataType = requireNonNull(dataType, "dataType is null");
        this.names = requireNonNull(names, "names is null");
        this.weightCount = inputSize * outputSize;
        this.parameterCount = weightCount + (hasBias ? outputSize : 0);
        this.init = init;
    }

    @Override
    public long[] inputShape()
    {
        return inputShape.clone();
    }

    @Override
    public long[] outputShape()
    {
        return outputShape.clone();
    }

    @Override
    public long parameterCount()
    {
        return parameterCount;
    }

    /** W starts at {@code init} in every entry, b at 0. */
    @Override
    public void initialize(INDArray parameters, INDArray gradients)
    {
        if (this.parameters != null) {
            throw new IllegalStateException("the network is initialised already");
        }
        Shapes.checkVector("parameters", parameters, parameterCount, dataType);
        Shapes.checkVector("gradients", gradients, parameterCount, dataType);
        this.parameters = parameters;
        this.gradients = gradients;
        this.weights = slice(parameters, 0, weightCount).reshape('c', inputSize, outputSize);
        this.weightGradients = slice(gradients, 0, weightCount).reshape('c', inputSize, outputSize);
        this.bias = hasBias ? slice(parameters, weightCount, parameterCount) : null;
        this.biasGradients = hasBias ? slice(gradients, weightCount, parameterCount) : null;
        weights.assign(init);
        if (hasBias) {
            bias.assign(0);
        }
    }

    @Override
    public INDArray forward(INDArray input)
    {
        Shapes.checkInitialized(parameters);
        Pass pass = passes.forForward(Shapes.batchSize("input", input, inputShape, dataType));
        pass.input = Shapes.rows(input);
        pass.outputGradient = null;
        Nd4j.gemm(pass.input, weights, pass.flatOutput, false, false, 1.0, 0.0);
        if (hasBias) {
            pass.flatOutput.addiRowVector(bias);
        }
        return pass.output;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients)
    {
        Pass pass = passes.existing(Shapes.batchSize("outputGradient", outputGradient, outputShape, dataType), "backward");
        pass.outputGradient = Shapes.rows(outputGradient);
        if (parameterGradients) {
            Nd4j.gemm(pass.input, pass.outputGradient, weightGradients, true, false, 1.0, 0.0);
            if (hasBias) {
                Nd4j.gemm(pass.ones, pass.outputGradient, biasGradients, false, false, 1.0, 0.0);
            }
        }
        Nd4j.gemm(pass.outputGradient, weights, pass.flatInputGradient, false, true, 1.0, 0.0);
        return pass.inputGradient;
    }

    @Override
    public boolean supportsDoubleBackpropagation()
    {
        return true;
    }

    @Override
    public void backwardInputGradient(INDArray weights)
    {
        Pass pass = passes.existing(Shapes.batchSize("weights", weights, inputShape, dataType), "backwardInputGradient");
        if (pass.outputGradient == null) {
            throw new IllegalStateException("backwardInputGradient before backward");
        }
        Nd4j.gemm(Shapes.rows(weights), pass.outputGradient, weightGradients, true, false, 1.0, 1.0);
    }

    @Override
    public INDArray parameters()
    {
        return parameters;
    }

    @Override
    public INDArray gradients()
    {
        return gradients;
    }

    @Override
    public Map<String, Double> loggedScalars()
    {
        if (weightCount != 1 || weights == null) {
            return Map.of();
        }
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put(names.weight(), weights.getDouble(0));
        if (hasBias) {
            scalars.put(names.bias(), bias.getDouble(0));
        }
        return scalars;
    }

    @Override
    public String toString()
    {
        return "LinearNetwork(" + inputSize + " -> " + outputSize + (hasBias ? ", bias" : "") + ")";
    }

    private static INDArray slice(INDArray vector, long start, long end)
    {
        return vector.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(start, end));
    }

    private final class Pass
    {
        private final INDArray flatOutput;
        private final INDArray output;
        private final INDArray flatInputGradient;
        private final INDArray inputGradient;
        private final INDArray ones;
        private INDArray input;
        private INDArray outputGradient;

        Pass(long batchSize)
        {
            this.flatOutput = Nd4j.create(dataType, batchSize, outputSize);
            this.output = flatOutput.reshape('c', Shapes.withBatch(batchSize, outputShape));
            this.flatInputGradient = Nd4j.create(dataType, batchSize, inputSize);
            this.inputGradient = flatInputGradient.reshape('c', Shapes.withBatch(batchSize, inputShape));
            this.ones = Nd4j.ones(dataType, 1, batchSize);
        }
    }
}
