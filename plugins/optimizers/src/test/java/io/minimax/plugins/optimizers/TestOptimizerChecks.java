package io.minimax.plugins.optimizers;

import io.minimax.spi.PluginSpec;
import io.minimax.spi.optim.OptimizerFactory;
import io.minimax.testkit.OptimizerCheck;
import io.minimax.testkit.SpecDefaults;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every optimizer that moves passes the test kit's checks a plugin author runs. */
class TestOptimizerChecks
{
    @Test
    void everyOptimizerButFrozenPassesTheTestKitChecks()
    {
        int checked = 0;
        for (OptimizerFactory<?> factory : new OptimizersPlugin().optimizers()) {
            // frozen never moves by design (the other player trains alone), so "a step decreases f" does not apply
            if (!factory.name().equals("frozen")) {
                check(factory);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(new OptimizersPlugin().optimizers().size() - 1);
    }

    private static <S extends PluginSpec> void check(OptimizerFactory<S> factory)
    {
        // sgd and momentum have no default step size
        OptimizerCheck.check(factory.name(), factory, SpecDefaults.build(factory.specClass(), Map.of("learningRate", 0.01)));
    }
}
