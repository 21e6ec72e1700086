package io.minimax.plugins.imagemetrics;

import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.Param;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricFactory;
import io.minimax.testkit.MetricCheck;
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

class TestImageMetricsPlugin
{
    @Test
    void isDiscoveredByServiceLoader()
    {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(plugins).hasAtLeastOneElementOfType(ImageMetricsPlugin.class);
    }

    @Test
    void contributesTheFourMetrics()
    {
        assertThat(new ImageMetricsPlugin().metrics()).extracting(PluginFactory::name)
                .containsExactly("frechet-distance", "kernel-distance", "precision-recall", "class-coverage");
    }

    @Test
    void documentsEverySpecComponentAndBuildsFromDefaults()
    {
        for (MetricFactory<?> factory : new ImageMetricsPlugin().metrics()) {
            for (RecordComponent component : factory.specClass().getRecordComponents()) {
                Param param = component.getAnnotation(Param.class);
                assertThat(param).as("@Param on %s.%s", factory.name(), component.getName()).isNotNull();
                assertThat(param.description()).isNotBlank();
                assertThat(param.defaultValue()).as("every metric works without settings").isNotEqualTo(Param.REQUIRED);
            }
            Metric metric = create(factory);
            assertThat(factory.description()).isNotBlank();
            for (MetricChart chart : metric.charts()) {
                assertThat(chart.fileName()).endsWith(".png");
            }
        }
    }

    @Test
    void everyMetricPassesTheTestkitCheckWithItsDefaults()
    {
        for (MetricFactory<?> factory : new ImageMetricsPlugin().metrics()) {
            check(factory);
        }
    }

    @Test
    void specsNameTheFieldAndValueThatIsWrong()
    {
        assertThatThrownBy(() -> new FrechetDistanceSpec("inception", 1))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("features")
                .hasMessageContaining("must be one of auto, samples, classifier (got 'inception')")
                .hasMessageContaining("realSamples");
        assertThatThrownBy(() -> new KernelDistanceSpec("samples", 10, 1, 0))
                .hasMessageContaining("subsetSize")
                .hasMessageContaining("subsets");
        assertThatThrownBy(() -> new PrecisionRecallSpec("samples", 3, 3)).hasMessageContaining("realSamples: must be > k (got 3)");
        assertThatThrownBy(() -> new ClassCoverageSpec("samples", 10, 1.5)).hasMessageContaining("minimumFraction");
    }

    private static <S extends PluginSpec> void check(MetricFactory<S> factory)
    {
        S spec = SpecDefaults.build(factory.specClass(), Map.of());
        MetricCheck.check(factory.name(), factory, spec, new SquareModes(1), new SquareModes(2, 0));
    }

    private static <S extends PluginSpec> Metric create(MetricFactory<S> factory)
    {
        return factory.create(SpecDefaults.build(factory.specClass(), Map.of()), TestContexts.plugin(1, DataType.DOUBLE));
    }
}
