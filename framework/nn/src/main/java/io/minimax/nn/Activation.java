package io.minimax.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An element-wise nonlinearity fused into a layer. The layer applies it in place to its own pre-activation buffer,
 * so the pre-activations are gone after {@link #activateInPlace}: every activation here computes its derivative from
 * its <em>output</em> alone (ReLU: output &gt; 0; leaky ReLU: output &gt;= 0; tanh: 1 - output²).
 *
 * <p>Backward passes are a derivative op plus an element-wise multiply rather than ND4J's fused backprop ops: on this
 * project's CPUs (float, 128 units, batch 128-512) {@code lrelu_bp} and {@code tanh_bp} measured 4-9x slower than
 * the two ops, and {@code relu_bp} no faster, as they run as scalar lambdas rather than vectorised loops.
 */
public interface Activation
{
    /** Replaces every element of {@code values} by its activation. */
    void activateInPlace(INDArray values);

    /**
     * Returns dLoss/d(pre-activation) given the activation's {@code output} and {@code outputGradient}
     * (dLoss/d(output)), both {@code [m, n]} and read only. Writes into {@code scratch} (same shape, owned by the
     * layer) and returns it, or returns {@code outputGradient} itself when the derivative is 1.
     */
    INDArray backward(INDArray output, INDArray outputGradient, INDArray scratch);

    /**
     * The derivative of {@link #backward} along a direction, for double backpropagation. Given the {@code output}
     * y = f(a), the direction's change ȧ of the pre-activation, the {@code outputGradient} γ of the last backward
     * pass and its change γ̇, returns the change of δ = f'(a)⊙γ:
     * <pre>
     *   δ̇ = f''(a)⊙ȧ⊙γ + f'(a)⊙γ̇
     * </pre>
     * Every argument is {@code [m, n]} and read only. Writes into {@code scratch} (using {@code secondScratch} if it
     * needs to) and returns it, or returns {@code outputGradientTangent} itself when f' = 1. Piecewise-linear
     * activations have f'' = 0 away from their kinks, so for them this is {@link #backward} applied to γ̇.
     */
    INDArray backwardTangent(INDArray output, INDArray preActivationTangent, INDArray outputGradient, INDArray outputGradientTangent,
            INDArray scratch, INDArray secondScratch);

    /**
     * Whether {@link #activate(float[], int, int)} and {@link #backward(float[], float[], float[], int, int)} are implemented:
     * then a FLOAT layer does its element-wise work in Java on the heap instead of in ND4J ops.
     */
    default boolean hasHostKernels()
    {
        return false;
    }

    /**
     * Whether {@link #backward(float[], float[], float[], int, int)} is implemented, though {@link #activate(float[], int, int)}
     * may not be: then a FLOAT layer back-propagates in Java on the heap. True where {@link #hasHostKernels()} is.
     */
    default boolean hasHostBackward()
    {
        return hasHostKernels();
    }

    /**
     * {@code values[i] = f(values[i])} for i from {@code from} to {@code to}: the host kernel of {@link #activateInPlace}.
     * Branch-free, so that the JIT vectorises it and random signs cost no mispredicted branches.
     */
    default void activate(float[] values, int from, int to)
    {
        throw new UnsupportedOperationException(this + " has no host kernels");
    }

    /**
     * {@code delta[i] = f'·gradient[i]}, f' computed from {@code output[i]}, for i from {@code from} to {@code to}:
     * the host kernel of {@link #backward(INDArray, INDArray, INDArray)}. Branch-free, like {@link #activate}.
     */
    default void backward(float[] output, float[] gradient, float[] delta, int from, int to)
    {
        throw new UnsupportedOperationException(this + " has no host kernels");
    }

    /** max(0, x). */
    static Activation relu()
    {
        return ReluActivation.INSTANCE;
    }

    /** x for x &gt;= 0, {@code leak}·x otherwise; {@code 0 <= leak < 1} (0 is plain ReLU). */
    static Activation leakyRelu(double leak)
    {
        if (!(leak >= 0 && leak < 1)) {
            throw new IllegalArgumentException("leak must be in [0, 1) (got " + leak + ")");
        }
        // With leak 0 every negative input maps to output 0, and the output no longer tells which side of the kink
        // the input was on (the leaky derivative op tests output >= 0): plain ReLU's test, output > 0, is right.
        return leak == 0 ? ReluActivation.INSTANCE : new LeakyReluActivation(leak);
    }

    static Activation tanh()
    {
        return TanhActivation.INSTANCE;
    }

    static Activation identity()
    {
        return IdentityActivation.INSTANCE;
    }
}
