package io.minimax.plugins.dirac;

import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * G(z) = θ for every z: one trainable point of the output shape. dLoss/dθ is the sum of the output gradient over
 * the batch, and the input gradient is 0. Its input gradient does not depend on θ, so double backpropagation adds
 * nothing (a penalty on this network's input gradient is constant). With a single output it logs θ.
 */
final class ConstantNetwork
        implements Network
{
    private final long[] inputShape;
    private final long[] outputShape;
    private final DataType dataType;
    private final ScalarNames names;
    private final long size;
    private final double init;
    private INDArray parameters;
    private INDArray gradients;
    private final PassCache<Pass> passes = new PassCache<>(Pass::new);

    ConstantNetwork(long[] inputShape, long[] outputShape, double init, DataType dataType, ScalarNames names)
    {
        this.inputShape = inputShape.clone();
        this.outputShape = outputShape.clone();
        this.dataType = requireNonNull(dataType, "dataType is null");
        this.names = requireNonNull(names, "names is null");
        this.size = Shapes.elementCount(outputShape);
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
        return size;
    }

    /** θ starts at {@code init} in every coordinate. */
    @Override
    public void initialize(INDArray parameters, INDArray gradients)
    {
        if (this.parameters != null) {
            throw new IllegalStateException("the network is initialised already");
        }
        Shapes.checkVector("parameters", parameters, size, dataType);
        Shapes.checkVector("gradients", gradients, size, dataType);
        this.parameters = parameters;
        this.gradients = gradients;
        parameters.assign(init);
    }

    @Override
    public INDArray forward(INDArray input)
    {
        Shapes.checkInitialized(parameters);
        Pass pass = passes.forForward(Shapes.batchSize("input", input, inputShape, dataType));
        pass.backwardDone = false;
        pass.flatOutput.putiRowVector(parameters);
        return pass.output;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients)
    {
        Pass pass = passes.existing(Shapes.batchSize("outputGradient", outputGradient, outputShape, dataType), "backward");
        if (parameterGradients) {
            Nd4j.gemm(pass.ones, Shapes.rows(outputGradient), gradients, false, false, 1.0, 0.0);
        }
        pass.backwardDone = true;
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
        if (!pass.backwardDone) {
            throw new IllegalStateException("backwardInputGradient before backward");
        }
        // the input gradient is 0 for every θ: nothing to add
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
        return size == 1 && parameters != null ? Map.of(names.weight(), parameters.getDouble(0)) : Map.of();
    }

    @Override
    public String toString()
    {
        return "ConstantNetwork(" + size + ")";
    }

    private final class Pass
    {
        private final INDArray flatOutput;
        private final INDArray output;
        private final INDArray inputGradient;
        private final INDArray ones;
        private boolean backwardDone;

        Pass(long batchSize)
        {
            this.flatOutput = Nd4j.create(dataType, batchSize, size);
            this.output = flatOutput.reshape('c', Shapes.withBatch(batchSize, outputShape));
            this.inputGradient = Nd4j.zeros(dataType, Shapes.withBatch(batchSize, inputShape));
            this.ones = Nd4j.ones(dataType, 1, batchSize);
        }
    }
}
