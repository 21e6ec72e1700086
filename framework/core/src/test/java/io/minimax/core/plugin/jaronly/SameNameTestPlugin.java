package io.minimax.core.plugin.jaronly;

import io.minimax.core.plugin.jaronly.JarOnlyTestPlugin.JarOnlySpec;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;

import java.util.List;

/** Registers a loss under the name {@link JarOnlyTestPlugin} uses: loading both must fail. */
public final class SameNameTestPlugin
        implements Plugin
{
    @Override
    public List<LossVariantFactory<?>> lossVariants()
    {
        return List.of(new SameNameLossFactory());
    }

    static final class SameNameLossFactory
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
