package io.minimax.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/** Only for {@code 0 < leak < 1}: then output and input have the same sign, so the output tells the branch. */
final class LeakyReluActivation
        implements Activation
{
    private final double leak;

    LeakyReluActivation(double leak)
    {
        this.leak = leak;
    }

    @Override
    public void activateInPlace(INDArray values)
    {
        Nd4j.exec(new LeakyReLU(values, values, leak));
    }

    @Override
    public INDArray backward(INDArray output, INDArray outputGradient, INDArray scratch)
    {
        Nd4j.exec(new LeakyReLUDerivative(output, scratch, leak));
        Nd4j.exec(new MulOp(scratch, outputGradient, scratch));
        return scratch;
    }

    @Override
    public INDArray backwardTangent(INDArray output, INDArray preActivationTangent, INDArray outputGradient, INDArray outputGradientTangent,
            INDArray scratch, INDArray secondScratch)
    {
        return backward(output, outputGradientTangent, scratch);
    }

    @Override
    public boolean hasHostKernels()
    {
        return true;
    }

    @Override
    public void activate(float[] values, int from, int to)
    {
        // for 0 < leak < 1, max(x, leak·x) is x for x >= 0 and leak·x below
        float slope = (float) leak;
        for (int i = from; i < to; i++) {
            float value = values[i];
            values[i] = Math.max(value, slope * value);
        }
    }

    @Override
    public void backward(float[] output, float[] gradient, float[] delta, int from, int to)
    {
        // negative = 1 where output < 0 (subnormals included), 0 where output >= 0 (-0 included), without a branch;
        // f' = negative·leak + (1 - negative) is then exactly leak or 1
        float slope = (float) leak;
        for (int i = from; i < to; i++) {
            float negative = Math.min(Math.max(-output[i] * 0x1p127f * 0x1p23f, 0f), 1f);
            delta[i] = gradient[i] * (negative * slope + (1f - negative));
        }
    }

    @Override
    public String toString()
    {
        return "leaky-relu(" + leak + ")";
    }
}
