package io.minimax.plugins.metrics;

import io.minimax.spi.PluginSpec;
import io.minimax.spi.metric.MetricFactory;
import io.minimax.testkit.MetricCheck;
import io.minimax.testkit.SpecDefaults;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Every metric passes the test kit's checks a plugin author runs, on a ring of Gaussians (it has a density and modes). */
class TestMetricChecks
{
    @Test
    void everyMetricPassesTheTestKitChecks()
    {
        for (MetricFactory<?> factory : new MetricsPlugin().metrics()) {
            check(factory);
        }
    }

    private static <S extends PluginSpec> void check(MetricFactory<S> factory)
    {
        // the value estimator's published sample sizes are for real runs; these keep it small
        S spec = SpecDefaults.build(factory.specClass(), Map.of("largestBatch", 8, "repeats", 4, "referenceSamples", 1000));
        MetricCheck.check(factory.name(), factory, spec, new RingOfGaussians(8, 2.0, 0.2, 1), new RingOfGaussians(8, 1.5, 0.3, 2));
    }
}
