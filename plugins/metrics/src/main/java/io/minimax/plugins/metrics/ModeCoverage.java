package io.minimax.plugins.metrics;

import io.minimax.spi.data.ModeMixture;

import static java.util.Objects.requireNonNull;

/**
 * PacGAN's mode-coverage protocol (Lin et al., 2018) on one set of generated samples. A sample is high quality when
 * its Euclidean distance to the nearest mode's mean, divided by σ, is below the threshold (3 in the paper); a mode is
 * covered by at least one high-quality sample assigned to it.
 *
 * @param modesCovered modes with at least one high-quality sample
 * @param highQualityFraction high-quality samples over all samples
 * @param reverseKl KL(h ‖ uniform) = Σ_k h_k log(K·h_k) of the histogram h of high-quality samples over the K modes:
 *         0 when they spread evenly, log K when all fall on one mode; log K also when there is no high-quality
 *         sample at all, the worst value the histogram can reach
 * @param highQualityCounts high-quality samples per mode
 */
record ModeCoverage(int modesCovered, double highQualityFraction, double reverseKl, int[] highQualityCounts)
{
    static ModeCoverage of(double[][] samples, ModeMixture modes, double threshold)
    {
        requireNonNull(samples, "samples is null");
        requireNonNull(modes, "modes is null");
        double[][] means = modes.means();
        int[] counts = new int[means.length];
        int highQuality = 0;
        double limit = threshold * modes.std();
        for (double[] sample : samples) {
            if (sample.length != modes.dimension()) {
                throw new IllegalArgumentException("samples have " + sample.length + " coordinates, the modes " + modes.dimension());
            }
            int nearest = 0;
            double nearestSquared = Double.POSITIVE_INFINITY;
            for (int k = 0; k < means.length; k++) {
                double squared = 0;
                for (int axis = 0; axis < sample.length; axis++) {
                    double difference = sample[axis] - means[k][axis];
                    squared += difference * difference;
                }
                if (squared < nearestSquared) {
                    nearestSquared = squared;
                    nearest = k;
                }
            }
            if (Math.sqrt(nearestSquared) < limit) {
                counts[nearest]++;
                highQuality++;
            }
        }
        int covered = 0;
        double reverseKl = 0;
        for (int count : counts) {
            if (count > 0) {
                covered++;
                double share = (double) count / highQuality;
                reverseKl += share * Math.log(means.length * share);
            }
        }
        if (highQuality == 0) {
            reverseKl = Math.log(means.length);
        }
        return new ModeCoverage(covered, (double) highQuality / samples.length, reverseKl, counts);
    }

    /** High-quality samples per mode, in the modes' order (a copy). */
    @Override
    public int[] highQualityCounts()
    {
        return highQualityCounts.clone();
    }
}
