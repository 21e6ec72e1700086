package io.minimax.plugins.imagemetrics;

import static java.util.Objects.requireNonNull;

/**
 * The Fréchet distance between the Gaussians N(μ₁, Σ₁) and N(μ₂, Σ₂) fitted to two feature sets (Dowson and Landau
 * 1982; Heusel et al. 2017 on Inception features, where it is called FID):
 * FD = ‖μ₁ − μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr (Σ₁^½ Σ₂ Σ₁^½)^½.
 *
 * <p>tr (Σ₁^½ Σ₂ Σ₁^½)^½ equals the tr (Σ₁Σ₂)^½ of the usual formula, but the matrix inside is symmetric positive
 * semi-definite, so both square roots come from symmetric eigendecompositions: no complex parts to discard, as
 * {@code scipy.linalg.sqrtm(Σ₁Σ₂)} leaves. Rounding can leave eigenvalues of a singular covariance (fewer samples
 * than dimensions, dead ReLU units) slightly below zero; they are clamped to zero before the square root, and the
 * result says how many were and how negative the worst one was, relative to the largest.
 *
 * @param value FD
 * @param meanTerm ‖μ₁ − μ₂‖²
 * @param covarianceTerm tr Σ₁ + tr Σ₂ − 2 tr (Σ₁^½ Σ₂ Σ₁^½)^½
 * @param clampedEigenvalues eigenvalues below zero that were clamped, in both decompositions together
 * @param worstClamped the most negative clamped eigenvalue over the largest eigenvalue of its matrix; 0 if none
 */
public record FrechetDistance(double value, double meanTerm, double covarianceTerm, int clampedEigenvalues, double worstClamped)
{
    public static FrechetDistance between(FeatureStatistics first, FeatureStatistics second)
    {
        requireNonNull(first, "first is null");
        requireNonNull(second, "second is null");
        if (first.dimension() != second.dimension()) {
            throw new IllegalArgumentException("feature dimensions differ: " + first.dimension() + " and " + second.dimension());
        }
        double[] meanFirst = first.mean();
        double[] meanSecond = second.mean();
        double meanTerm = 0;
        for (int i = 0; i < meanFirst.length; i++) {
            double difference = meanFirst[i] - meanSecond[i];
            meanTerm += difference * difference;
        }
        double[][] covarianceFirst = first.covariance();
        double[][] covarianceSecond = second.covariance();
        Clamping clamping = new Clamping();
        SymmetricEigen firstEigen = SymmetricEigen.of(covarianceFirst);
        double[][] rootFirst = firstEigen.compose(clamping.squareRoots(firstEigen.values()));
        double[][] inner = Matrices.product(Matrices.product(rootFirst, covarianceSecond, false), rootFirst, false);
        double traceOfRoot = 0;
        for (double root : clamping.squareRoots(SymmetricEigen.of(inner).values())) {
            traceOfRoot += root;
        }
        double covarianceTerm = Matrices.trace(covarianceFirst) + Matrices.trace(covarianceSecond) - 2 * traceOfRoot;
        return new FrechetDistance(meanTerm + covarianceTerm, meanTerm, covarianceTerm, clamping.count, clamping.worst);
    }

    /** Square roots of eigenvalues, negative ones (rounding below an exact zero) clamped to zero and counted. */
    private static final class Clamping
    {
        private int count;
        private double worst;

        double[] squareRoots(double[] eigenvalues)
        {
            double largest = 0;
            for (double value : eigenvalues) {
                largest = Math.max(largest, Math.abs(value));
            }
            double[] roots = new double[eigenvalues.length];
            for (int k = 0; k < eigenvalues.length; k++) {
                if (eigenvalues[k] < 0) {
                    count++;
                    worst = Math.min(worst, eigenvalues[k] / largest);
                }
                roots[k] = Math.sqrt(Math.max(0, eigenvalues[k]));
            }
            return roots;
        }
    }
}
