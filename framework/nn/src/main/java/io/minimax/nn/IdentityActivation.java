package io.minimax.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

final class IdentityActivation
        implements Activation
{
    static final IdentityActivation INSTANCE = new IdentityActivation();

    private IdentityActivation() {}

    @Override
    public void activateInPlace(INDArray values)
    {
    }

    @Override
    public INDArray backward(INDArray output, INDArray outputGradient, INDArray scratch)
    {
        return outputGradient;
    }

    @Override
    public INDArray backwardTangent(INDArray output, INDArray preActivationTangent, INDArray outputGradient, INDArray outputGradientTangent,
            INDArray scratch, INDArray secondScratch)
    {
        return outputGradientTangent;
    }

    @Override
    public boolean hasHostKernels()
    {
        return true;
    }

    @Override
    public void activate(float[] values, int from, int to)
    {
        // f(x) = x
    }

    @Override
    public void backward(float[] output, float[] gradient, float[] delta, int from, int to)
    {
        System.arraycopy(gradient, from, delta, from, to - from);
    }

    @Override
    public String toString()
    {
        return "identity";
    }
}
