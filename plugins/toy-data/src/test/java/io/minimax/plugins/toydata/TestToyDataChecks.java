package io.minimax.plugins.toydata;

import io.minimax.spi.PluginSpec;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.testkit.DataSourceCheck;
import io.minimax.testkit.SpecDefaults;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Every toy distribution, at its published settings, passes the test kit's checks a plugin author runs. */
class TestToyDataChecks
{
    @Test
    void everyDataSourcePassesTheTestKitChecks()
    {
        for (DataSourceFactory<?> factory : new ToyDataPlugin().dataSources()) {
            check(factory);
        }
    }

    private static <S extends PluginSpec> void check(DataSourceFactory<S> factory)
    {
        DataSourceCheck.check(factory.name(), factory, SpecDefaults.build(factory.specClass(), Map.of()));
    }
}
