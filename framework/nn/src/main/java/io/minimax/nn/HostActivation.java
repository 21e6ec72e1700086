package io.minimax.nn;

import io.minimax.plugin.support.HostScratch;

import java.nio.FloatBuffer;

/**
 * An activation's host kernels ({@link Activation#activate(float[], int, int)}, {@link Activation#backward(float[],
 * float[], float[], int, int)}) over a range of FLOAT native buffers, through heap copies of {@value #CHUNK} elements
 * in the thread's {@link HostScratch} arrays, which stay in the L1 cache and add nothing to a pass's working set.
 */
final class HostActivation
{
    // 32 KB of floats
    private static final int CHUNK = 8192;
    // the slots of this thread's HostScratch a call uses
    private static final int VALUES = 0;
    private static final int GRADIENT = 1;
    private static final int DELTA = 2;

    private final Activation activation;

    HostActivation(Activation activation)
    {
        this.activation = activation;
    }

    /** {@code target[i] = f(source[i])} for i from {@code from} to {@code to}; the two may be the same buffer. */
    void activate(FloatBuffer source, FloatBuffer target, int from, int to)
    {
        float[] values = HostScratch.get().floats(VALUES, CHUNK);
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
        HostScratch scratch = HostScratch.get();
        float[] values = scratch.floats(VALUES, CHUNK);
        float[] gradient = scratch.floats(GRADIENT, CHUNK);
        float[] delta = scratch.floats(DELTA, CHUNK);
        for (int at = from; at < to; at += CHUNK) {
            int count = Math.min(CHUNK, to - at);
            output.get(at, values, 0, count);
            outputGradient.get(at, gradient, 0, count);
            activation.backward(values, gradient, delta, 0, count);
            target.put(at, delta, 0, count);
        }
    }
}
