package io.minimax.plugins.imagemetrics;

import static java.util.Objects.requireNonNull;

/**
 * How a classifier spreads generated samples over the data's classes: the image analogue of PacGAN's mode coverage.
 * Each sample counts for its most probable class. A class is covered when it receives at least
 * {@code minimumFraction} of the samples it would get if the generated samples followed the reference class
 * distribution p (n·p_k); a class p gives no weight is never covered and never missed. The divergence is
 * KL(h ‖ p) = Σ_k h_k log(h_k / p_k) of the generated histogram h against p, with 0 log 0 = 0; p is smoothed by
 * adding one to each reference count (Laplace), p_k = (c_k + 1)/(N + K), so a class the reference never saw leaves
 * the divergence finite. 0 when the histogram matches the data, log(1/p_k) when every sample falls in class k.
 *
 * @param histogram h_k, the fraction of generated samples assigned to class k
 * @param reference p_k, the smoothed reference distribution
 * @param classesCovered classes with at least {@code minimumFraction} · n · p_k samples (before smoothing)
 * @param klDivergence KL(h ‖ p) in nats
 */
public record ClassCoverage(double[] histogram, double[] reference, int classesCovered, double klDivergence)
{
    /**
     * A class is covered from a tenth of its expected count on: a class G draws, even rarely, counts; one that only a
     * few misclassified samples reach does not.
     */
    public static final double DEFAULT_MINIMUM_FRACTION = 0.1;

    /**
     * @param generatedProbabilities {@code [n][K]} class probabilities (or any scores: only the largest counts) of the
     *     generated samples
     * @param referenceCounts {@code [K]} how many samples of the data each class has (e.g. the classifier's predictions
     *     on the real set)
     */
    public static ClassCoverage of(double[][] generatedProbabilities, long[] referenceCounts, double minimumFraction)
    {
        requireNonNull(generatedProbabilities, "generatedProbabilities is null");
        requireNonNull(referenceCounts, "referenceCounts is null");
        if (generatedProbabilities.length == 0) {
            throw new IllegalArgumentException("no generated samples to count");
        }
        long[] counts = countPredictions(generatedProbabilities, referenceCounts.length);
        int classes = referenceCounts.length;
        long referenceTotal = 0;
        for (long count : referenceCounts) {
            if (count < 0) {
                throw new IllegalArgumentException("reference counts must be >= 0 (got " + count + ")");
            }
            referenceTotal += count;
        }
        if (referenceTotal == 0) {
            throw new IllegalArgumentException("the reference distribution has no samples");
        }
        int n = generatedProbabilities.length;
        double[] histogram = new double[classes];
        double[] reference = new double[classes];
        int covered = 0;
        double divergence = 0;
        for (int k = 0; k < classes; k++) {
            histogram[k] = (double) counts[k] / n;
            reference[k] = (referenceCounts[k] + 1.0) / (referenceTotal + classes);
            double expected = n * (double) referenceCounts[k] / referenceTotal;
            if (referenceCounts[k] > 0 && counts[k] >= minimumFraction * expected) {
                covered++;
            }
            if (counts[k] > 0) {
                divergence += histogram[k] * Math.log(histogram[k] / reference[k]);
            }
        }
        return new ClassCoverage(histogram, reference, covered, divergence);
    }

    /** How many rows of {@code probabilities} have their largest value in each of the {@code classes} columns. */
    static long[] countPredictions(double[][] probabilities, int classes)
    {
        long[] counts = new long[classes];
        for (double[] row : probabilities) {
            if (row.length != classes) {
                throw new IllegalArgumentException("class probabilities have " + row.length + " columns for " + classes + " classes");
            }
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (row[k] > row[best]) {
                    best = k;
                }
            }
            counts[best]++;
        }
        return counts;
    }

    @Override
    public double[] histogram()
    {
        return histogram.clone();
    }

    @Override
    public double[] reference()
    {
        return reference.clone();
    }
}
