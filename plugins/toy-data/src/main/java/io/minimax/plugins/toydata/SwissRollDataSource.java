package io.minimax.plugins.toydata;

import io.minimax.spi.RandomSource;
import io.minimax.spi.data.DataSource;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * The 2-D Swiss roll: scikit-learn's {@code make_swiss_roll} projected on its (x, z) plane and divided by its largest
 * radius so that it fits the unit square,
 * <pre>
 *   t ~ U[1.5π, 4.5π),   x = (t cos t, t sin t) / 4.5π + N(0, noise² I).
 * </pre>
 * Successive arms lie 2π / 4.5π ≈ 0.44 apart, so the default noise 0.05 keeps them distinct. The density of t along
 * the arc is not uniform, so there is no closed-form density here.
 */
public final class SwissRollDataSource
        implements DataSource
{
    static final double FIRST_ANGLE = 1.5 * Math.PI;
    static final double LAST_ANGLE = 4.5 * Math.PI;

    private final double noise;
    private final RandomSource random;
    private INDArray curve;

    public SwissRollDataSource(double noise, RandomSource random)
    {
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be >= 0 (got " + noise + ")");
        }
        this.noise = noise;
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public long[] sampleShape()
    {
        return new long[] {2};
    }

    @Override
    public void sample(INDArray out)
    {
        requireNonNull(out, "out is null");
        if (out.rank() != 2 || out.size(1) != 2) {
            throw new IllegalArgumentException("samples need shape [m, 2], got " + Arrays.toString(out.shape()));
        }
        int count = Math.toIntExact(out.size(0));
        INDArray points = curveBuffer(count, out.dataType());
        // direct buffer writes: the array is ours, C-ordered and unstrided
        DataBuffer buffer = points.data();
        RandomGenerator scalars = random.scalars();
        for (int i = 0; i < count; i++) {
            double angle = FIRST_ANGLE + (LAST_ANGLE - FIRST_ANGLE) * scalars.nextDouble();
            double radius = angle / LAST_ANGLE;
            buffer.put(2L * i, radius * Math.cos(angle));
            buffer.put(2L * i + 1, radius * Math.sin(angle));
        }
        if (noise == 0) {
            out.assign(points);
            return;
        }
        random.gaussian(out, 0, noise);
        out.addi(points);
    }

    private INDArray curveBuffer(int count, DataType dataType)
    {
        if (curve == null || curve.size(0) != count || curve.dataType() != dataType) {
            curve = Nd4j.create(dataType, count, 2);
        }
        return curve;
    }
}
