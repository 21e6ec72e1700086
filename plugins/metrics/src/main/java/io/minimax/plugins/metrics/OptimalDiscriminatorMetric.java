package io.minimax.plugins.metrics;

import io.minimax.spi.data.Density;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.metric.RunView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Compares the trained discriminator and the value function with their theory for the current generator. p_g is
 * modelled by a kernel density estimate of the evaluation's generated samples; with p_data's closed-form density
 * that gives D* = p_data/(p_data + p_g), the Jensen–Shannon divergence (by quadrature on a grid) and V(D*, G) (by
 * Monte Carlo over the evaluation's real and generated samples).
 */
final class OptimalDiscriminatorMetric
        implements Metric
{
    static final String JSD = "theory/jsd";
    static final String VALUE_AT_OPTIMUM = "theory/value_at_optimum";
    static final String IDENTITY_GAP = "theory/identity_gap";
    static final String DISCRIMINATOR_GAP = "theory/d_gap";
    static final String VALUE_AT_DISCRIMINATOR = "theory/value_at_discriminator";
    static final String BANDWIDTH = "theory/kde_bandwidth";

    /** No bandwidth is narrower than this share of the real samples' spread: a collapsed G still has a density. */
    static final double BANDWIDTH_FLOOR = 0.01;

    private final BandwidthRule rule;
    private final double fixedBandwidth;

    OptimalDiscriminatorMetric(BandwidthRule rule, double fixedBandwidth)
    {
        this.rule = requireNonNull(rule, "rule is null");
        this.fixedBandwidth = fixedBandwidth;
    }

    @Override
    public Map<String, Double> evaluate(RunView run)
    {
        Density density = run.data().density().orElseThrow(() -> new IllegalStateException(
                "optimal-discriminator needs data with a known density (gaussian-1d, ring, grid), not "
                        + run.data().getClass().getSimpleName()));
        double[][] real = SampleRows.of(run.realSamples());
        double[][] generated = SampleRows.of(run.generatedSamples());
        int dimension = real[0].length;
        if (dimension > 2) {
            throw new IllegalStateException("optimal-discriminator integrates over one or two dimensions; these samples have " + dimension);
        }
        double[] floors = SampleRows.columnStandardDeviations(real);
        for (int axis = 0; axis < dimension; axis++) {
            floors[axis] = Math.max(BANDWIDTH_FLOOR * floors[axis], Double.MIN_NORMAL);
        }
        KernelDensity model = KernelDensity.fit(generated, rule, fixedBandwidth, floors);

        QuadratureGrid grid = QuadratureGrid.covering(real, generated, model.bandwidths());
        double[] dataOnGrid = exp(logDensity(density, grid.points()));
        double jsd = JensenShannon.onGrid(dataOnGrid, model.densitiesOn(grid), grid.cellVolume());

        OptimalDiscriminatorValues values = OptimalDiscriminatorValues.compute(jsd,
                side(run, density, model, run.realSamples(), real),
                side(run, density, model, run.generatedSamples(), generated));
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(JSD, values.jsd());
        result.put(VALUE_AT_OPTIMUM, values.valueAtOptimum());
        result.put(IDENTITY_GAP, values.identityGap());
        result.put(DISCRIMINATOR_GAP, values.discriminatorGap());
        result.put(VALUE_AT_DISCRIMINATOR, values.valueAtDiscriminator());
        result.put(BANDWIDTH, mean(model.bandwidths()));
        return result;
    }

    @Override
    public List<MetricChart> charts()
    {
        return List.of(
                new MetricChart("optimal-discriminator-value.png",
                        "V(D,G): minibatch estimate, trained D and optimal D* on 2500 + 2500 samples",
                        "step", false, false, List.of(
                        Series.line("value/estimate"),
                        Series.line(VALUE_AT_DISCRIMINATOR),
                        Series.reference(VALUE_AT_OPTIMUM))),
                new MetricChart("optimal-discriminator-gap.png", "Mean |D(x) - D*(x)| and the self-check |V(D*,G) - (-log 4 + 2 JSD)|",
                        "step", false, false, List.of(
                        Series.line(DISCRIMINATOR_GAP),
                        Series.line(IDENTITY_GAP))));
    }

    private static OptimalDiscriminatorValues.Side side(RunView run, Density density, KernelDensity model, INDArray samples,
            double[][] rows)
    {
        return new OptimalDiscriminatorValues.Side(
                SampleRows.values(density.logDensity(samples.castTo(DataType.DOUBLE))),
                model.logDensities(rows),
                SampleRows.values(run.discriminatorLogits(samples)));
    }

    private static double[] logDensity(Density density, double[][] points)
    {
        return SampleRows.values(density.logDensity(Nd4j.createFromArray(points)));
    }

    private static double[] exp(double[] values)
    {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.exp(values[i]);
        }
        return result;
    }

    private static double mean(double[] values)
    {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
