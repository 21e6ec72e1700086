package ${package};

import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class TestExamplePlugin
{
    @Test
    void serviceLoaderFindsThePlugin()
    {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type)).contains(ExamplePlugin.class);
    }

    @Test
    void contributesADataSourceAndALoss()
    {
        assertThat(new ExamplePlugin().dataSources()).extracting(PluginFactory::name).containsExactly("example-gaussian-blob");
        assertThat(new ExamplePlugin().lossVariants()).extracting(PluginFactory::name).containsExactly("example-least-squares");
    }
}
