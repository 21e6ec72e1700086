package io.minimax.nn.kernel;

import java.util.Arrays;

/**
 * A fixed list of block copies from one array to another, worked out once (a convolution's gathers depend only on its
 * shapes and batch size) and replayed every pass. Adjacent blocks merge into one as they are added, so a gather of
 * contiguous runs costs one bulk copy per run.
 */
public final class BlockCopies
{
    private final int[] from;
    private final int[] to;
    private final int[] counts;
    // below this many elements per block on average, one bulk copy per block costs more than the data it moves
    // (a few tens of nanoseconds each): the copies then run between heap copies of both arrays
    private static final int SHORT_BLOCKS = 32;
    private final boolean onHeap;

    private BlockCopies(int[] from, int[] to, int[] counts)
    {
        this.from = from;
        this.to = to;
        this.counts = counts;
        long elements = 0;
        for (int count : counts) {
            elements += count;
        }
        this.onHeap = counts.length > 0 && elements < (long) SHORT_BLOCKS * counts.length;
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** Performs every copy from {@code source} into {@code target}; elements no copy writes are left as they are. */
    public void apply(NativeBlocks source, NativeBlocks target)
    {
        if (onHeap) {
            source.copyBlocksOnHeap(from, to, counts, target);
            return;
        }
        for (int i = 0; i < counts.length; i++) {
            source.copy(from[i], target, to[i], counts[i]);
        }
    }

    /**
     * The adjoint of {@link #apply}: overwrites {@code target} (the copies' source shape) with the sum, over the copies,
     * of the blocks of {@code source} (their target shape) that were copied from each element; elements no copy read
     * become 0. A gather's transpose, e.g. col2im after im2col.
     */
    public void applyAdjoint(NativeBlocks source, NativeBlocks target)
    {
        source.addBlocks(to, from, counts, target);
    }

    /** The number of bulk copies, after merging. */
    public int copies()
    {
        return counts.length;
    }

    public static final class Builder
    {
        private int[] from = new int[64];
        private int[] to = new int[64];
        private int[] counts = new int[64];
        private int size;

        private Builder() {}

        /** Adds the copy of {@code count} elements at {@code source} to {@code target}, merged with the previous one when adjacent. */
        public Builder add(int source, int target, int count)
        {
            if (count <= 0) {
                return this;
            }
            if (size > 0 && from[size - 1] + counts[size - 1] == source && to[size - 1] + counts[size - 1] == target) {
                counts[size - 1] += count;
                return this;
            }
            if (size == counts.length) {
                from = Arrays.copyOf(from, 2 * size);
                to = Arrays.copyOf(to, 2 * size);
                counts = Arrays.copyOf(counts, 2 * size);
            }
            from[size] = source;
            to[size] = target;
            counts[size] = count;
            size++;
            return this;
        }

        public BlockCopies build()
        {
            return new BlockCopies(Arrays.copyOf(from, size), Arrays.copyOf(to, size), Arrays.copyOf(counts, size));
        }
    }
}
