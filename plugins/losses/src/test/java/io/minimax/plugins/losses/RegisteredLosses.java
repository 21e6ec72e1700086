package io.minimax.plugins.losses;

import io.minimax.spi.Plugin;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;
import io.minimax.testkit.SpecDefaults;
import io.minimax.testkit.TestContexts;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Every loss variant this module registers, found the way the framework finds them and built with its spec's
 * defaults, so that each new variant gets the contract and gradient checks without a test of its own.
 */
final class RegisteredLosses
{
    private RegisteredLosses() {}

    static List<LossVariantFactory<?>> factories()
    {
        return ServiceLoader.load(Plugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(LossesPlugin.class::isInstance)
                .flatMap(plugin -> plugin.lossVariants().stream())
                .toList();
    }

    static Stream<String> names()
    {
        return factories().stream().map(LossVariantFactory::name);
    }

    /** The variants whose D is a probability: the original objective's, which train D by binary cross-entropy. */
    static Stream<String> probabilityDiscriminators()
    {
        return names().filter(name -> create(name).discriminatorOutputsProbability());
    }

    static LossVariant create(String name)
    {
        LossVariantFactory<?> factory = factories().stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no loss named " + name));
        return create(factory);
    }

    private static <S extends PluginSpec> LossVariant create(LossVariantFactory<S> factory)
    {
        return factory.create(SpecDefaults.build(factory.specClass(), Map.of()), TestContexts.plugin(42, DataType.DOUBLE));
    }
}
