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
    public String toString()
    {
        return "leaky-relu(" + leak + ")";
    }
}
