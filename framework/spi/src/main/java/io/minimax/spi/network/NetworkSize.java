package io.minimax.spi.network;

/**
 * How large a network is, counted in elements of the run's data type (not bytes), so that a run that cannot fit in
 * memory is refused before anything is allocated.
 *
 * @param parameters the length of the parameter vector; the gradient vector is as long
 * @param activationsPerSample the elements one pass (a forward and its backward) keeps per row of its batch: every
 *     layer's outputs, back-propagated deltas and input gradients
 */
public record NetworkSize(long parameters, long activationsPerSample)
{
    public NetworkSize
    {
        if (parameters < 0 || activationsPerSample < 0) {
            throw new IllegalArgumentException("sizes must be >= 0 (got " + parameters + " parameters, "
                    + activationsPerSample + " activations per sample)");
        }
    }
}
