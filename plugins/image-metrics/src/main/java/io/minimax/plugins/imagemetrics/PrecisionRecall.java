package io.minimax.plugins.imagemetrics;

import static java.util.Objects.requireNonNull;

/**
 * Improved precision and recall (Kynkäänniemi et al. 2019): precision is the fraction of generated feature vectors
 * inside the real set's k-nearest-neighbour manifold ({@link NearestNeighbourBalls}), recall the fraction of real ones
 * inside the generated set's. Precision says how many samples look real; recall how much of the data the generator
 * reaches. Both depend on the set sizes (balls shrink as a set grows); the paper compares sets of equal size.
 */
public record PrecisionRecall(double precision, double recall, int k)
{
    /** The paper's k. */
    public static final int DEFAULT_K = 3;

    public static PrecisionRecall between(double[][] real, double[][] generated, int k)
    {
        return between(NearestNeighbourBalls.of(real, k), real, generated, k);
    }

    /** With the real manifold built beforehand (once per run: it is the costliest part for a large real set). */
    static PrecisionRecall between(NearestNeighbourBalls realBalls, double[][] real, double[][] generated, int k)
    {
        requireNonNull(realBalls, "realBalls is null");
        requireNonNull(real, "real is null");
        requireNonNull(generated, "generated is null");
        double precision = realBalls.fractionInside(generated);
        double recall = NearestNeighbourBalls.of(generated, k).fractionInside(real);
        return new PrecisionRecall(precision, recall, k);
    }
}
