package io.minimax.plugins.imagemetrics;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.RandomSource;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.ModeMixture;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Optional;

/**
 * Four Gaussians of σ = 0.1 at the corners (±1, ±1) of a square, each drawn with equal probability, or only the
 * modes listed (a generator that misses the others).
 */
final class SquareModes
        implements DataSource
{
    private static final double[][] CORNERS = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};

    private final int[] drawnModes;
    private final RandomSource random;

    SquareModes(long seed, int... drawnModes)
    {
        this.drawnModes = drawnModes.length == 0 ? new int[] {0, 1, 2, 3} : drawnModes.clone();
        this.random = new SeededRandomSource(seed);
    }

    @Override
    public long[] sampleShape()
    {
        return new long[] {2};
    }

    @Override
    public void sample(INDArray out)
    {
        int count = Math.toIntExact(out.size(0));
        double[][] noise = Matrices.rows(gaussian(count));
        for (int i = 0; i < count; i++) {
            double[] corner = CORNERS[drawnModes[random.scalars().nextInt(drawnModes.length)]];
            noise[i][0] += corner[0];
            noise[i][1] += corner[1];
        }
        out.assign(Nd4j.createFromArray(noise).castTo(out.dataType()));
    }

    private INDArray gaussian(int count)
    {
        INDArray draws = Nd4j.create(DataType.DOUBLE, count, 2);
        random.gaussian(draws, 0, 0.1);
        return draws;
    }

    @Override
    public Optional<ModeMixture> modes()
    {
        return Optional.of(new ModeMixture(CORNERS, 0.1));
    }
}
