package io.minimax.plugins.losses;

import io.minimax.spi.Plugin;
import io.minimax.spi.loss.LossVariantFactory;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class TestLossesPlugin
{
    @Test
    void serviceLoaderFindsThePlugin()
    {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(LossesPlugin.class);
    }

    @Test
    void registersBothObjectivesOfTheOriginalPaper()
    {
        assertThat(new LossesPlugin().lossVariants())
                .extracting(LossVariantFactory::name)
                .containsExactly("minimax", "non-saturating");
    }

    @Test
    void specsAreParameterlessRecords()
    {
        for (LossVariantFactory<?> factory : new LossesPlugin().lossVariants()) {
            assertThat(factory.specClass().isRecord()).as(factory.name()).isTrue();
            assertThat(factory.specClass().getRecordComponents()).as(factory.name()).isEmpty();
            assertThat(factory.description()).as(factory.name()).isNotBlank();
        }
    }

    @Test
    void factoriesBuildTheNamedVariant()
    {
        assertThat(RegisteredLosses.create("minimax")).isInstanceOf(MinimaxLoss.class);
        assertThat(RegisteredLosses.create("non-saturating")).isInstanceOf(NonSaturatingLoss.class);
        assertThat(RegisteredLosses.create("minimax").discriminatorOutputsProbability()).isTrue();
    }
}
