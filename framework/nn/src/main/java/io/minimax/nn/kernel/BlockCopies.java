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
    // the adjoint's blocks grouped by the tile of the target they add to, worked out at its first use
    private TargetTiles tiles;

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
        if (onHeap || !(source instanceof NativeBlocks.Floats floats)) {
            source.addBlocks(to, from, counts, target);
            return;
        }
        if (tiles == null || tiles.targetLength != target.length()) {
            tiles = new TargetTiles(to, from, counts, target.length());
        }
        floats.addTiles(tiles, target);
    }

    /**
     * The blocks of an adjoint (sums of source blocks into a target) grouped by the tile of {@value #TILE} target
     * elements they add to, a block that spans two tiles split in two, and within a tile in their original order: each
     * target element then gets its terms in the same order as block by block over the whole target, so the sums are
     * the same to the bit, while a tile's sums stay in the L1 cache (a col2im's target is several times the L2 cache,
     * and adding block by block over all of it missed the cache at nearly every block).
     */
    static final class TargetTiles
    {
        static final int TILE = 8192;

        final int targetLength;
        // blocks of tile t: first[t] to first[t + 1]
        final int[] first;
        final int[] source;
        final int[] target;
        final int[] counts;
        final int longest;

        TargetTiles(int[] sourceOffsets, int[] targetOffsets, int[] blockCounts, int targetLength)
        {
            this.targetLength = targetLength;
            int tileCount = Math.max(1, (targetLength + TILE - 1) / TILE);
            int[] perTile = new int[tileCount + 1];
            int pieces = 0;
            for (int i = 0; i < blockCounts.length; i++) {
                for (int at = targetOffsets[i], end = at + blockCounts[i]; at < end; at = (at / TILE + 1) * TILE) {
                    perTile[at / TILE + 1]++;
                    pieces++;
                }
            }
            for (int t = 0; t < tileCount; t++) {
                perTile[t + 1] += perTile[t];
            }
            this.first = perTile.clone();
            this.source = new int[pieces];
            this.target = new int[pieces];
            this.counts = new int[pieces];
            int longestPiece = 0;
            for (int i = 0; i < blockCounts.length; i++) {
                int end = targetOffsets[i] + blockCounts[i];
                for (int at = targetOffsets[i]; at < end; at = (at / TILE + 1) * TILE) {
                    int piece = perTile[at / TILE]++;
                    int count = Math.min(end, (at / TILE + 1) * TILE) - at;
                    source[piece] = sourceOffsets[i] + (at - targetOffsets[i]);
                    target[piece] = at;
                    counts[piece] = count;
                    longestPiece = Math.max(longestPiece, count);
                }
            }
            this.longest = longestPiece;
        }

        int tileCount()
        {
            return first.length - 1;
        }
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
