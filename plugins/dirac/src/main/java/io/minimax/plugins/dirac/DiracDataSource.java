package io.minimax.plugins.dirac;

import io.minimax.spi.data.DataSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * p_data = δ(x − at) on the line. It has no density with respect to Lebesgue measure, so {@link #density()} stays
 * empty: density-based instruments (kernel estimates of p_g, JSD) do not apply to a point mass.
 */
final class DiracDataSource
        implements DataSource
{
    private final double at;

    DiracDataSource(double at)
    {
        this.at = at;
    }

    @Override
    public long[] sampleShape()
    {
        return new long[] {1};
    }

    @Override
    public void sample(INDArray out)
    {
        out.assign(at);
    }
}
