package io.minimax.nn;

import java.nio.FloatBuffer;

/**
 * An activation's host kernels ({@link Activation#activate(float[], int, int)}, {@link Activation#backward(float[],
 * float[], float[], int, int)}) over a range of FLOAT native buffers, through heap copies of {@value #CHUNK} elements
 * that stay in the L1 cache. Not thread-safe: one per pass.
 */
final class HostActivation
{
    // 32 KB of floats
    private static final int CHUNK = 8192;

    private final Activation activation;
    private final float[] values = new float[CHUNK];
    private final float[] gradient = new float[CHUNK];
    private final float[] delta = new float[CHUNK];

    HostActivation(Activation activation)
    {
        this.activation = activation;
    }

    /** {@code target[i] = f(source[i])} for i from {@code from} to {@code to}; the two may be the same buffer. */
    void activate(FloatBuffer source, FloatBuffer target, int from, int to)
    {
        for (int at = from; at < to; at += CHUNK) {
            int count = Math.min(CHUNK, to - at);
            source.get(at, values, 0, count);
            activation.activate(values, 0, count);
            target.put(at, values, 0, count);
        }
    }

    /** {@code target[i] = f'·outputGradient[i]}, f' read from {@code output[i]}, for i from {@code from} to {@code to}. */
    void backward(FloatBuffer output, FloatBuffer outputGradient, FloatBuffer target, int from, int to)
    {
        for (int at = from; at < to; at += CHUNK) {
            int count = Math.min(CHUNK, to - at);
            output.get(at, values, 0, count);
            outputGradient.get(at, gradient, 0, count);
            activation.backward(values, gradient, delta, 0, count);
            target.put(at, delta, 0, count);
        }
    }
}
