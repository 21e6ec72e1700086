package io.minimax.nn;

import io.minimax.nn.kernel.HostCopy;
import io.minimax.plugin.support.NativeArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;

import static java.util.Objects.requireNonNull;

/**
 * An element-wise {@link Activation} as a layer of its own, for where no {@link Dense} layer can fuse it (after a
 * convolution or a batch normalization). Its element-wise work runs as ND4J ops, which are vectorised and cost little
 * next to their arrays of an image layer's size.
 *
 * <p>Tangents: forward {@code ẏ = f'(a)⊙ẋ}; backward {@link Activation#backwardTangent} with ȧ = ẋ.
 */
public final class ActivationLayer
        implements ParameterFreeLayer
{
    private final long size;
    private final Activation activation;

    public ActivationLayer(long size, Activation activation)
    {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be > 0 (got " + size + ")");
        }
        this.size = size;
        this.activation = requireNonNull(activation, "activation is null");
    }

    public Activation activation()
    {
        return activation;
    }

    @Override
    public long inputSize()
    {
        return size;
    }

    @Override
    public Layer.Pass createPass(INDArray parameters, INDArray gradients, long batchSize)
    {
        return new Pass(parameters.dataType(), batchSize);
    }

    @Override
    public String toString()
    {
        return "Activation(" + size + ", " + activation + ")";
    }

    private final class Pass
            implements Layer.Pass
    {
        private final INDArray output;
        private final INDArray inputGradient;
        private INDArray outputGradient;
        private INDArray inputTangent;
        private INDArray outputTangent;
        private INDArray inputGradientTangent;
        private INDArray scratch;
        private boolean forwardDone;
        private final HostBlocks host;

        Pass(DataType dataType, long batchSize)
        {
            this.output = Nd4j.create(dataType, batchSize, size);
            this.inputGradient = Nd4j.create(dataType, batchSize, size);
            this.host = dataType == DataType.FLOAT && activation.hasHostBackward() ? new HostBlocks(output, inputGradient) : null;
        }

        @Override
        public INDArray forward(INDArray input)
        {
            if (host != null && activation.hasHostKernels() && HostCopy.copyable(input)) {
                host.forward(input);
            }
            else {
                output.assign(input);
                activation.activateInPlace(output);
            }
            forwardDone = true;
            return output;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + ActivationLayer.this);
            }
            this.outputGradient = outputGradient;
            if (host != null && HostCopy.copyable(outputGradient)) {
                host.backward(outputGradient);
                return inputGradient;
            }
            return activation.backward(output, outputGradient, inputGradient);
        }

        @Override
        public INDArray forwardTangent(INDArray inputTangent)
        {
            if (!forwardDone) {
                throw new IllegalStateException("forwardTangent before forward in " + ActivationLayer.this);
            }
            if (outputTangent == null) {
                outputTangent = Nd4j.create(output.dataType(), output.shape());
                inputGradientTangent = Nd4j.create(output.dataType(), output.shape());
                scratch = Nd4j.create(output.dataType(), output.shape());
            }
            this.inputTangent = inputTangent;
            return activation.backward(output, inputTangent, outputTangent);
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            if (outputGradient == null || inputTangent == null) {
                throw new IllegalStateException("backwardTangent before backward and forwardTangent in " + ActivationLayer.this);
            }
            return activation.backwardTangent(output, inputTangent, outputGradient, outputGradientTangent, inputGradientTangent, scratch);
        }
    }

    /** The FLOAT passes in Java, over the whole batch ({@link HostActivation}). */
    private final class HostBlocks
    {
        private final FloatBuffer output;
        private final FloatBuffer inputGradient;
        private final HostCopy.Buffers buffers = new HostCopy.Buffers();
        private final HostActivation kernels = new HostActivation(activation);

        HostBlocks(INDArray output, INDArray inputGradient)
        {
            this.output = NativeArrays.floats(output);
            this.inputGradient = NativeArrays.floats(inputGradient);
        }

        void forward(INDArray input)
        {
            kernels.activate(buffers.of(input), output, 0, output.capacity());
        }

        void backward(INDArray outputGradient)
        {
            kernels.backward(output, buffers.of(outputGradient), inputGradient, 0, output.capacity());
        }
    }
}
