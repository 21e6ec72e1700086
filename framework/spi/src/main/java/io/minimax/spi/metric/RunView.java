package io.minimax.spi.metric;

import io.minimax.spi.data.DataSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A read-only view of a run at an evaluation point. The sample arrays are shared by every metric of the evaluation:
 * never modify them.
 */
public interface RunView
{
    /** Generator updates done so far. */
    long step();

    /** True at the evaluation after the last step (its samples are the ones written to samples-final.csv). */
    boolean isFinal();

    DataSource data();

    /** Generated samples for this evaluation, {@code [n, sampleShape...]}. */
    INDArray generatedSamples();

    /** As many fresh samples of p_data, {@code [n, sampleShape...]}. */
    INDArray realSamples();

    /** D's logits on {@code points} ({@code [n, sampleShape...]}), as a new {@code [n, 1]} array. */
    INDArray discriminatorLogits(INDArray points);

    /**
     * {@code count} new samples G(z), z ~ p_z, beyond this evaluation's shared ones, as a new
     * {@code [count, sampleShape...]} array owned by the caller. They come from the evaluation's own noise stream,
     * never the training one, so drawing them does not change what later training steps see.
     */
    INDArray freshGeneratedSamples(int count);

    /**
     * {@code count} new samples of p_data beyond this evaluation's shared ones, as a new {@code [count,
     * sampleShape...]} array owned by the caller; from the evaluation's own data stream, like
     * {@link #freshGeneratedSamples}.
     */
    INDArray freshRealSamples(int count);

    /**
     * {@code count} samples of p_data that depend on the run's seed and {@code count} alone, never on when or how often
     * they are asked for: the same samples at every call, in this process and in a resumed one. A metric's fixed real
     * set (drawn at its first evaluation and kept, which checkpoints do not save) comes from here, so a resumed run
     * draws the same set and no other stream moves. A new array owned by the caller.
     */
    INDArray referenceRealSamples(int count);
}
