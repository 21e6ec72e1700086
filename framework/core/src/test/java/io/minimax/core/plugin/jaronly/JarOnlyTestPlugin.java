package io.minimax.core.plugin.jaronly;

import io.minimax.spi.Param;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;

import java.util.List;

/** Packaged into a jar by the loader tests; no services file names it on the test class path. */
public final class JarOnlyTestPlugin
        implements Plugin
{
    public record JarOnlySpec(@Param(description = "a weight", defaultValue = "1.0") double weight)
            implements PluginSpec {}

    @Override
    public List<LossVariantFactory<?>> lossVariants()
    {
        return List.of(new JarOnlyLossFactory());
    }

    @Override
    public String version()
    {
        return "1.2.3";
    }

    static final class JarOnlyLossFactory
            implements LossVariantFactory<JarOnlySpec>
    {
        @Override
        public String name()
        {
            return "jar-only-loss";
        }

        @Override
        public Class<JarOnlySpec> specClass()
        {
            return JarOnlySpec.class;
        }

        @Override
        public LossVariant create(JarOnlySpec spec, PluginContext context)
        {
            throw new UnsupportedOperationException("loader tests never create plugins");
        }
    }
}
