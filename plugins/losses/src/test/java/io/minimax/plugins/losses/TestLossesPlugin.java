package io.minimax.plugins.losses;

import io.minimax.spi.Param;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.loss.GradientPenaltyFactory;
import io.minimax.spi.loss.LossVariantFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
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
    void registersTheLossZooAndThePenalties()
    {
        assertThat(new LossesPlugin().lossVariants())
                .extracting(LossVariantFactory::name)
                .containsExactly("minimax", "non-saturating", "least-squares", "wasserstein", "hinge", "relativistic");
        assertThat(new LossesPlugin().gradientPenalties())
                .extracting(GradientPenaltyFactory::name)
                .containsExactly("r1", "r2", "wgan-gp");
    }

    @Test
    void specsAreRecordsWithADocumentedDefaultForEveryParameter()
    {
        List<PluginFactory<?>> factories = new ArrayList<>(new LossesPlugin().lossVariants());
        factories.addAll(new LossesPlugin().gradientPenalties());
        for (PluginFactory<?> factory : factories) {
            assertThat(factory.specClass().isRecord()).as(factory.name()).isTrue();
            assertThat(factory.description()).as(factory.name()).isNotBlank();
            for (RecordComponent component : factory.specClass().getRecordComponents()) {
                Param param = component.getAnnotation(Param.class);
                assertThat(param).as(factory.name() + "." + component.getName()).isNotNull();
                assertThat(param.defaultValue()).as(factory.name() + "." + component.getName()).isNotEqualTo(Param.REQUIRED);
            }
        }
    }

    @Test
    void factoriesBuildTheNamedVariant()
    {
        assertThat(RegisteredLosses.create("minimax")).isInstanceOf(MinimaxLoss.class);
        assertThat(RegisteredLosses.create("non-saturating")).isInstanceOf(NonSaturatingLoss.class);
        assertThat(RegisteredLosses.create("least-squares")).isInstanceOf(LeastSquaresLoss.class);
        assertThat(RegisteredLosses.create("wasserstein")).isInstanceOf(WassersteinLoss.class);
        assertThat(RegisteredLosses.create("hinge")).isInstanceOf(HingeLoss.class);
        assertThat(RegisteredLosses.create("relativistic")).isInstanceOf(RelativisticAverageLoss.class);
        assertThat(RegisteredLosses.create("minimax").discriminatorOutputsProbability()).isTrue();
        // the zoo's D is a score, not a probability: no V̂ or mean D(x) for them
        assertThat(RegisteredLosses.probabilityDiscriminators()).containsExactly("minimax", "non-saturating");
    }
}
