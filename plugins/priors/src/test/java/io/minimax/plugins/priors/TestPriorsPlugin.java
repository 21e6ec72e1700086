package io.minimax.plugins.priors;

import io.minimax.spi.PluginContext;

import org.nd4j.linalg.api.buffer.DataType;

import io.minimax.testkit.SpecDefaults;

import io.minimax.testkit.TestContexts;

import io.minimax.spi.Param;
import io.minimax.spi.Plugin;
import io.minimax.spi.prior.NoisePriorFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class TestPriorsPlugin
{
    @Test
    void serviceLoaderFindsThePlugin()
    {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(PriorsPlugin.class);
    }

    @Test
    void registersGaussianAndUniform()
    {
        assertThat(new PriorsPlugin().noisePriors())
                .extracting(NoisePriorFactory::name)
                .containsExactly("gaussian", "uniform");
    }

    @Test
    void everySpecComponentIsDocumentedAndOnlyDimIsRequired()
    {
        for (NoisePriorFactory<?> factory : new PriorsPlugin().noisePriors()) {
            assertThat(factory.specClass().isRecord()).isTrue();
            for (RecordComponent component : factory.specClass().getRecordComponents()) {
                Param param = component.getAnnotation(Param.class);
                assertThat(param).as(component.toString()).isNotNull();
                assertThat(param.description()).as(component.toString()).isNotBlank();
                assertThat(param.defaultValue().equals(Param.REQUIRED)).as(component.toString())
                        .isEqualTo(component.getName().equals("dim"));
            }
        }
    }

    @Test
    void defaultsBuildPriorsOfTheRequestedDimension()
    {
        PluginContext context = TestContexts.plugin(1, DataType.DOUBLE);
        assertThat(PriorsPlugin.GAUSSIAN.create(SpecDefaults.build(GaussianPriorSpec.class, Map.of("dim", 8)), context).dimension())
                .isEqualTo(8);
        UniformPriorSpec uniform = SpecDefaults.build(UniformPriorSpec.class, Map.of("dim", 3));
        assertThat(uniform).isEqualTo(new UniformPriorSpec(3, -1.0, 1.0));
        assertThat(PriorsPlugin.UNIFORM.create(uniform, context).dimension()).isEqualTo(3);
    }
}
