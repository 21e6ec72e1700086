package io.minimax.plugins.metrics;

import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.Param;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricFactory;
import io.minimax.testkit.SpecDefaults;
import io.minimax.testkit.TestContexts;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMetricsPlugin
{
    @Test
    void isDiscoveredByServiceLoader()
    {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(plugins).hasAtLeastOneElementOfType(MetricsPlugin.class);
    }

    @Test
    void contributesTheFourInstruments()
    {
        assertThat(new MetricsPlugin().metrics()).extracting(PluginFactory::name)
                .containsExactly("optimal-discriminator", "mode-coverage", "mmd", "value-estimator");
    }

    @Test
    void documentsEverySpecComponentAndBuildsFromDefaults()
    {
        for (MetricFactory<?> factory : new MetricsPlugin().metrics()) {
            for (RecordComponent component : factory.specClass().getRecordComponents()) {
                Param param = component.getAnnotation(Param.class);
                assertThat(param).as("@Param on %s.%s", factory.name(), component.getName()).isNotNull();
                assertThat(param.description()).isNotBlank();
                assertThat(param.defaultValue()).as("every instrument works without settings").isNotEqualTo(Param.REQUIRED);
            }
            assertThat(create(factory)).isNotNull();
            assertThat(factory.description()).isNotBlank();
        }
    }

    @Test
    void chartsDrawTheKeysTheirMetricLogs()
    {
        for (MetricFactory<?> factory : new MetricsPlugin().metrics()) {
            for (MetricChart chart : create(factory).charts()) {
                assertThat(chart.series()).isNotEmpty();
                assertThat(chart.fileName()).endsWith(".png");
            }
        }
    }

    @Test
    void specsNameTheFieldAndValueThatIsWrong()
    {
        assertThatThrownBy(() -> new OptimalDiscriminatorSpec("wide", -1))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("bandwidthRule")
                .hasMessageContaining("must be one of scott, silverman, cross-validation, fixed (got 'wide')")
                .hasMessageContaining("bandwidth");
        assertThatThrownBy(() -> new ValueEstimatorSpec(100, 1, 10))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("largestBatch")
                .hasMessageContaining("must be a power of two from 1 to 65536 (got 100)")
                .hasMessageContaining("repeats")
                .hasMessageContaining("referenceSamples");
        assertThatThrownBy(() -> new ModeCoverageSpec(0)).hasMessageContaining("threshold");
    }

    private static <S extends io.minimax.spi.PluginSpec> io.minimax.spi.metric.Metric create(MetricFactory<S> factory)
    {
        return factory.create(SpecDefaults.build(factory.specClass(), Map.of()), TestContexts.plugin(1, DataType.DOUBLE));
    }
}
