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
    public String toString()
    {
        return "relu";
    }
}
