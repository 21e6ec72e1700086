package io.minimax.plugins.priors;

import io.minimax.spi.PluginSpec;
import io.minimax.spi.prior.NoisePriorFactory;
import io.minimax.testkit.NoisePriorCheck;
import io.minimax.testkit.SpecDefaults;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Every prior passes the test kit's checks a plugin author runs. */
class TestPriorChecks
{
    @Test
    void everyPriorPassesTheTestKitChecks()
    {
        for (NoisePriorFactory<?> factory : new PriorsPlugin().noisePriors()) {
            check(factory);
        }
    }

    private static <S extends PluginSpec> void check(NoisePriorFactory<S> factory)
    {
        NoisePriorCheck.check(factory.name(), factory, SpecDefaults.build(factory.specClass(), Map.of("dim", 5)));
    }
}
