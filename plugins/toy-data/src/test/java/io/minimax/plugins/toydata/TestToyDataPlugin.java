package io.minimax.plugins.toydata;

import org.nd4j.linalg.api.buffer.DataType;

import io.minimax.testkit.SpecDefaults;

import io.minimax.testkit.TestContexts;

import io.minimax.spi.Param;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TestToyDataPlugin
{
    @Test
    void serviceLoaderFindsThePlugin()
    {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(ToyDataPlugin.class);
    }

    @Test
    void registersTheFourToyDistributionsAndUniformNoise()
    {
        assertThat(new ToyDataPlugin().dataSources())
                .extracting(DataSourceFactory::name)
                .containsExactly("gaussian-1d", "ring", "grid", "swiss-roll", "uniform-noise");
    }

    @Test
    void everyParameterIsDocumentedAndHasADefault()
    {
        for (DataSourceFactory<?> factory : new ToyDataPlugin().dataSources()) {
            assertThat(factory.specClass().isRecord()).as(factory.name()).isTrue();
            assertThat(factory.description()).as(factory.name()).isNotBlank();
            for (RecordComponent component : factory.specClass().getRecordComponents()) {
                Param param = component.getAnnotation(Param.class);
                assertThat(param).as(component.toString()).isNotNull();
                assertThat(param.description()).as(component.toString()).isNotBlank();
                assertThat(param.defaultValue()).as(component.toString()).isNotEqualTo(Param.REQUIRED);
            }
        }
    }

    @Test
    void defaultsAreThePublishedSettings()
    {
        assertThat(SpecDefaults.build(Gaussian1dSpec.class, Map.of())).isEqualTo(new Gaussian1dSpec(0.0, 1.0));
        assertThat(SpecDefaults.build(RingSpec.class, Map.of())).isEqualTo(new RingSpec(8, 1.0, 0.01));
        assertThat(SpecDefaults.build(GridSpec.class, Map.of())).isEqualTo(new GridSpec(5, 2.0, 0.05));
        assertThat(SpecDefaults.build(SwissRollSpec.class, Map.of())).isEqualTo(new SwissRollSpec(0.05));
        assertThat(SpecDefaults.build(UniformNoiseSpec.class, Map.of())).isEqualTo(new UniformNoiseSpec(List.of(784), -1.0, 1.0));
    }

    @Test
    void everyFactoryBuildsASourceFromItsDefaults()
    {
        Map<String, long[]> shapes = Map.of("gaussian-1d", new long[] {1}, "ring", new long[] {2}, "grid", new long[] {2}, "swiss-roll",
                new long[] {2},
                "uniform-noise", new long[] {784});
        Set<String> mixtures = Set.of("gaussian-1d", "ring", "grid");
        for (DataSourceFactory<?> factory : new ToyDataPlugin().dataSources()) {
            DataSource source = createWithDefaults(factory);
            assertThat(source.sampleShape()).as(factory.name()).isEqualTo(shapes.get(factory.name()));
            assertThat(source.density().isPresent()).as(factory.name()).isEqualTo(mixtures.contains(factory.name()));
            assertThat(source instanceof GaussianMixtureDataSource).as(factory.name()).isEqualTo(mixtures.contains(factory.name()));
        }
    }

    private static <S extends PluginSpec> DataSource createWithDefaults(DataSourceFactory<S> factory)
    {
        return factory.create(SpecDefaults.build(factory.specClass(), Map.of()), TestContexts.plugin(1, DataType.DOUBLE));
    }
}
