package ${package};

import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;

/** A loss: both players' objectives on D's logits, with their gradients. */
public final class LeastSquaresLossFactory
        implements LossVariantFactory<LeastSquaresSpec>
{
    @Override
    public String name()
    {
        return "example-least-squares";
    }

    @Override
    public Class<LeastSquaresSpec> specClass()
    {
        return LeastSquaresSpec.class;
    }

    @Override
    public String description()
    {
        return "least-squares GAN on D's raw output (the archetype's example loss)";
    }

    @Override
    public LossVariant create(LeastSquaresSpec spec, PluginContext context)
    {
        return new LeastSquaresLoss(spec);
    }
}
