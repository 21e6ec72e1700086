package io.minimax.plugins.networks;

import io.minimax.spi.Param;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class TestNetworksPlugin
{
    @Test
    void isDiscoveredByServiceLoader()
    {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(plugins).hasAtLeastOneElementOfType(NetworksPlugin.class);
    }

    @Test
    void contributesMlp()
    {
        assertThat(new NetworksPlugin().networks()).extracting(PluginFactory::name).containsExactly("mlp", "layers", "dcgan");
    }

    @Test
    void documentsEverySpecComponent()
    {
        for (PluginFactory<?> factory : new NetworksPlugin().networks()) {
            for (RecordComponent component : factory.specClass().getRecordComponents()) {
                Param param = component.getAnnotation(Param.class);
                assertThat(param).as("@Param on %s.%s", factory.name(), component.getName()).isNotNull();
                assertThat(param.description()).as("description of %s.%s", factory.name(), component.getName()).isNotBlank();
            }
        }
    }
}
