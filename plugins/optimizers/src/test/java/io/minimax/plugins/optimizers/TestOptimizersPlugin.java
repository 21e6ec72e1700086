package io.minimax.plugins.optimizers;

import io.minimax.spi.Param;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class TestOptimizersPlugin
{
    @Test
    void isDiscoveredByServiceLoader()
    {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(plugins).hasAtLeastOneElementOfType(OptimizersPlugin.class);
    }

    @Test
    void contributesSgdMomentumAdamAndFrozen()
    {
        assertThat(new OptimizersPlugin().optimizers()).extracting(PluginFactory::name)
                .containsExactly("sgd", "momentum", "adam", "frozen");
    }

    @Test
    void documentsEverySpecComponent()
    {
        for (PluginFactory<?> factory : new OptimizersPlugin().optimizers()) {
            for (RecordComponent component : factory.specClass().getRecordComponents()) {
                Param param = component.getAnnotation(Param.class);
                assertThat(param).as("@Param on %s.%s", factory.name(), component.getName()).isNotNull();
                assertThat(param.description()).as("description of %s.%s", factory.name(), component.getName()).isNotBlank();
            }
        }
    }

    @Test
    void learningRateIsRequiredExceptForAdam()
    {
        assertThat(defaultOf(SgdSpec.class, 0)).isEqualTo(Param.REQUIRED);
        assertThat(defaultOf(MomentumSpec.class, 0)).isEqualTo(Param.REQUIRED);
        assertThat(defaultOf(MomentumSpec.class, 1)).isEqualTo("0.9");
        assertThat(defaultOf(MomentumSpec.class, 2)).isEqualTo("false");
        assertThat(defaultOf(AdamSpec.class, 0)).isEqualTo("0.0002");
    }

    private static String defaultOf(Class<? extends Record> spec, int component)
    {
        return spec.getRecordComponents()[component].getAnnotation(Param.class).defaultValue();
    }
}
