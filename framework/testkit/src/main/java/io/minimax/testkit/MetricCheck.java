package io.minimax.testkit;

import io.minimax.spi.PluginSpec;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.metric.Measurement;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricFactory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a {@link Metric} through its factory on small samples ({@value #SAMPLES} per evaluation): two evaluations
 * during training and the final one, with p_data = {@code data}, p_g = {@code generator} and a smooth logit for D.
 * Every measurement has a key and a finite value at a step ≥ 0, the two training evaluations log the same keys, the
 * shared sample arrays are left as they were, and {@link Metric#charts()} can be asked for.
 */
public final class MetricCheck
{
    private static final int SAMPLES = 64;

    private MetricCheck() {}

    /** Use data and generator sources whose properties the metric needs (a density, known modes). */
    public static <S extends PluginSpec> void check(String what, MetricFactory<S> factory, S spec, DataSource data, DataSource generator)
    {
        Metric metric = factory.create(spec, TestContexts.plugin(3, DataType.DOUBLE));
        Set<String> firstKeys = null;
        for (long step : new long[] {10, 20, 30}) {
            boolean isFinal = step == 30;
            FakeRunView run = new FakeRunView(data, generator, MetricCheck::logit, SAMPLES, step, isFinal);
            INDArray generated = run.generatedSamples().dup();
            INDArray real = run.realSamples().dup();
            List<Measurement> measurements = metric.measure(run);
            for (Measurement measurement : measurements) {
                assertThat(measurement.key()).as("%s at step %s: a key", what, step).isNotBlank();
                assertThat(Double.isFinite(measurement.value()))
                        .as("%s at step %s: %s = %s is finite", what, step, measurement.key(), measurement.value()).isTrue();
            }
            assertThat(run.generatedSamples()).as("%s: leaves the shared generated samples alone", what).isEqualTo(generated);
            assertThat(run.realSamples()).as("%s: leaves the shared real samples alone", what).isEqualTo(real);
            Set<String> keys = measurements.stream().map(Measurement::key).collect(Collectors.toSet());
            if (firstKeys == null) {
                firstKeys = keys;
            }
            else if (!isFinal) {
                assertThat(keys).as("%s: the same keys at every evaluation during training", what).isEqualTo(firstKeys);
            }
        }
        assertThat(metric.charts()).as("%s: charts", what).isNotNull();
    }

    /** A smooth logit that favours points near the origin: 1 − ‖x‖²/4. */
    private static double logit(double[] point)
    {
        double squares = 0;
        for (double coordinate : point) {
            squares += coordinate * coordinate;
        }
        return 1 - squares / 4;
    }
}
