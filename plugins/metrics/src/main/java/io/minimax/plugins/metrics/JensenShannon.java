package io.minimax.plugins.metrics;

/**
 * JSD(p ‖ q) = ½ KL(p ‖ m) + ½ KL(q ‖ m) with m = (p + q)/2, in nats, between 0 and log 2, by quadrature of the two
 * densities tabulated on a grid.
 */
final class JensenShannon
{
    private static final double LOG_2 = Math.log(2);

    private JensenShannon() {}

    /**
     * @param p p at each grid point
     * @param q q at the same points
     * @param cellVolume the volume each point stands for
     */
    static double onGrid(double[] p, double[] q, double cellVolume)
    {
        if (p.length != q.length) {
            throw new IllegalArgumentException(p.length + " values of p but " + q.length + " of q");
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double mixture = p[i] + q[i];
            if (mixture > 0) {
                double logMixture = Math.log(mixture);
                // 0 · log 0 = 0: where one density vanishes only the other contributes, with its full log 2
                if (p[i] > 0) {
                    sum += p[i] * (LOG_2 + Math.log(p[i]) - logMixture);
                }
                if (q[i] > 0) {
                    sum += q[i] * (LOG_2 + Math.log(q[i]) - logMixture);
                }
            }
        }
        return 0.5 * sum * cellVolume;
    }
}
