package io.minimax.nn.kernel;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Block copies and their adjoint (im2col and col2im), against element-by-element loops. */
class TestBlockCopies
{
    @Test
    void adjointOfLongBlocksAddsTileByTileInTheOrderOfTheBlocks()
    {
        // overlapping blocks of 40-300 elements at random places of a target of several tiles, many across a tile's
        // edge: the tiled sums must equal, bit for bit, the block-by-block float sums over the whole target
        Random random = new Random(3);
        int targetLength = 5 * BlockCopies.TargetTiles.TILE + 123;
        int sourceLength = 200_000;
        BlockCopies.Builder builder = BlockCopies.builder();
        int[][] blocks = new int[600][];
        for (int i = 0; i < blocks.length; i++) {
            int count = 40 + random.nextInt(260);
            int target = random.nextInt(targetLength - count);
            int source = random.nextInt(sourceLength - count);
            // the adjoint adds the copies' target blocks (here: source) into their source (here: target)
            blocks[i] = new int[] {target, source, count};
            builder.add(target, source, count);
        }
        BlockCopies copies = builder.build();
        assertThat(copies.copies()).isEqualTo(blocks.length);

        float[] values = new float[sourceLength];
        for (int i = 0; i < sourceLength; i++) {
            values[i] = (float) random.nextGaussian() * (1 << random.nextInt(12));
        }
        float[] expected = new float[targetLength];
        for (int[] block : blocks) {
            for (int e = 0; e < block[2]; e++) {
                expected[block[0] + e] += values[block[1] + e];
            }
        }
        INDArray source = Nd4j.createFromArray(values).castTo(DataType.FLOAT);
        INDArray target = Nd4j.rand(DataType.FLOAT, targetLength);
        for (int repeat = 0; repeat < 2; repeat++) {
            copies.applyAdjoint(NativeBlocks.of(source), NativeBlocks.of(target));
            assertThat(target.toFloatVector()).isEqualTo(expected);
        }
    }
}
