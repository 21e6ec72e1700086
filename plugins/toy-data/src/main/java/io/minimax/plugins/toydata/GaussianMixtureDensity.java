package io.minimax.plugins.toydata;

import io.minimax.spi.data.Density;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The closed-form density of a {@link GaussianMixture}. Evaluated in plain Java doubles: instruments call it on a few
 * thousand points per evaluation, where a native op per component would cost more than the arithmetic.
 */
final class GaussianMixtureDensity
        implements Density
{
    private final GaussianMixture mixture;

    GaussianMixtureDensity(GaussianMixture mixture)
    {
        this.mixture = requireNonNull(mixture, "mixture is null");
    }

    @Override
    public INDArray logDensity(INDArray points)
    {
        requireNonNull(points, "points is null");
        int dimension = mixture.dimension();
        if (points.rank() < 2 || points.length() != points.size(0) * dimension) {
            throw new IllegalArgumentException("points need shape [n, " + dimension + "], got " + Arrays.toString(points.shape()));
        }
        int count = Math.toIntExact(points.size(0));
        // one bulk copy: INDArray.toDoubleMatrix reads element by element, about 1000× slower
        double[] coordinates = points.dup('c').data().asDouble();
        double[] point = new double[dimension];
        double[] result = new double[count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(coordinates, i * dimension, point, 0, dimension);
            result[i] = mixture.logDensity(point);
        }
        return Nd4j.createFromArray(result).castTo(points.dataType());
    }
}
