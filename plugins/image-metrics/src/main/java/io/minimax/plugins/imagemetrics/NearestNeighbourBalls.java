package io.minimax.plugins.imagemetrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The k-nearest-neighbour estimate of a feature set's manifold (Kynkäänniemi et al. 2019): the union of balls around
 * each point with radius its distance to its k-th nearest other point of the set. Built once for the real set and
 * kept; distances come in blocks of one matrix product each, ‖a − b‖² = ‖a‖² + ‖b‖² − 2a·b.
 */
final class NearestNeighbourBalls
{
    /** Query rows per block: a block of squared distances to 10 000 points is 20 MB. */
    private static final int BLOCK = 256;

    private final double[][] centres;
    private final double[] squaredNorms;
    private final double[] squaredRadii;

    private NearestNeighbourBalls(double[][] centres, double[] squaredRadii)
    {
        this.centres = centres;
        this.squaredNorms = squaredNorms(centres);
        this.squaredRadii = squaredRadii;
    }

    /** The balls of {@code points} ({@code [n][d]}, n > k), each of radius its k-th nearest neighbour's distance. */
    static NearestNeighbourBalls of(double[][] points, int k)
    {
        requireNonNull(points, "points is null");
        if (k < 1 || points.length <= k) {
            throw new IllegalArgumentException("k-nearest-neighbour balls need k >= 1 and more than k points (k = " + k + ", "
                    + points.length + " points)");
        }
        NearestNeighbourBalls unsized = new NearestNeighbourBalls(points, new double[points.length]);
        double[] radii = new double[points.length];
        double[] nearest = new double[k];
        unsized.forEachBlock(points, (first, distances) -> {
            for (int row = 0; row < distances.length; row++) {
                Arrays.fill(nearest, Double.POSITIVE_INFINITY);
                for (int j = 0; j < points.length; j++) {
                    // the point itself is no neighbour; a duplicate of it is one, at distance 0
                    if (j != first + row && distances[row][j] < nearest[k - 1]) {
                        insertSorted(nearest, distances[row][j]);
                    }
                }
                radii[first + row] = nearest[k - 1];
            }
        });
        return new NearestNeighbourBalls(points, radii);
    }

    int size()
    {
        return centres.length;
    }

    /** The fraction of {@code queries} that lie in at least one ball (on its boundary counts, as in the paper's code). */
    double fractionInside(double[][] queries)
    {
        requireNonNull(queries, "queries is null");
        if (queries.length == 0) {
            throw new IllegalArgumentException("no feature vectors to test against the manifold");
        }
        if (queries[0].length != centres[0].length) {
            throw new IllegalArgumentException("feature dimensions differ: " + centres[0].length + " and " + queries[0].length);
        }
        int[] inside = new int[1];
        forEachBlock(queries, (first, distances) -> {
            for (double[] row : distances) {
                for (int j = 0; j < row.length; j++) {
                    if (row[j] <= squaredRadii[j]) {
                        inside[0]++;
                        break;
                    }
                }
            }
        });
        return (double) inside[0] / queries.length;
    }

    /** Squared distances from each block of query rows to every centre, {@code [rows in block][centres]}. */
    private void forEachBlock(double[][] queries, BlockConsumer consumer)
    {
        INDArray centreMatrix = Nd4j.createFromArray(centres);
        double[] queryNorms = squaredNorms(queries);
        for (int first = 0; first < queries.length; first += BLOCK) {
            int rows = Math.min(BLOCK, queries.length - first);
            INDArray dots = Nd4j.create(DataType.DOUBLE, rows, centres.length);
            Nd4j.gemm(Nd4j.createFromArray(Arrays.copyOfRange(queries, first, first + rows)), centreMatrix, dots, false, true, 1.0, 0.0);
            double[][] distances = Matrices.rows(dots);
            for (int row = 0; row < rows; row++) {
                for (int j = 0; j < centres.length; j++) {
                    // rounding may leave a tiny negative value for (nearly) equal points
                    distances[row][j] = Math.max(0, queryNorms[first + row] + squaredNorms[j] - 2 * distances[row][j]);
                }
            }
            consumer.accept(first, distances);
        }
    }

    /** Puts {@code value} into the ascending array {@code smallest}, dropping its largest element. */
    private static void insertSorted(double[] smallest, double value)
    {
        int position = smallest.length - 1;
        while (position > 0 && smallest[position - 1] > value) {
            smallest[position] = smallest[position - 1];
            position--;
        }
        smallest[position] = value;
    }

    private static double[] squaredNorms(double[][] points)
    {
        double[] norms = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            for (double value : points[i]) {
                norms[i] += value * value;
            }
        }
        return norms;
    }

    private interface BlockConsumer
    {
        void accept(int firstRow, double[][] squaredDistances);
    }
}
