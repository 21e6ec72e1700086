package io.minimax.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

final class ReluActivation
        implements Activation
{
    static final ReluActivation INSTANCE = new ReluActivation();

    private ReluActivation() {}

    @Override
    public void activateInPlace(INDArray values)
    {
        Nd4j.exec(new RectifiedLinear(values, values, 0.0));
    }

    @Override
    public INDArray backward(INDArray output, INDArray outputGradient, INDArray scratch)
    {
        // output > 0 exactly where the input was > 0; at 0 the derivative is taken as 0, as PyTorch does.
        Nd4j.exec(new Step(output, scratch, 0.0));
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
        for (int i = from; i < to; i++) {
            values[i] = Math.max(values[i], 0f);
        }
    }

    @Override
    public void backward(float[] output, float[] gradient, float[] delta, int from, int to)
    {
        // f' = 1 where output > 0: output·2^150, clamped to 1, is exactly 1 for every positive float (subnormals
        // included) and 0 at output 0, without a branch
        for (int i = from; i < to; i++) {
            delta[i] = gradient[i] * Math.min(output[i] * 0x1p127f * 0x1p23f, 1f);
        }
    }

    @Override
    public String toString()
    {
        return "relu";
    }
}
