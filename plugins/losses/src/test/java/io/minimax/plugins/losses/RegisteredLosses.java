package io.minimax.plugins.losses;

import org.nd4j.linalg.api.buffer.DataType;

import io.minimax.testkit.TestContexts;

import io.minimax.spi.Plugin;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Every loss variant this module registers, found the way the framework finds them, so that each new variant gets
 * the contract and gradient checks without a test of its own.
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
        Class<S> specClass = factory.specClass();
        if (specClass.getRecordComponents().length != 0) {
            throw new AssertionError(factory.name() + " has parameters: give RegisteredLosses a fixture for it");
        }
        try {
            return factory.create(specClass.getDeclaredConstructor().newInstance(), TestContexts.plugin(42, DataType.DOUBLE));
        }
        catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build the spec of " + factory.name(), e);
        }
    }
}
