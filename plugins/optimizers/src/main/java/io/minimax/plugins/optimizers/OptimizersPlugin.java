package io.minimax.plugins.optimizers;

import io.minimax.plugin.support.PluginFactories;
import io.minimax.spi.Plugin;
import io.minimax.spi.optim.OptimizerFactory;

import java.util.List;

/** First-order optimizers with PyTorch's update rules, each a handful of fused native ops per step. */
public final class OptimizersPlugin
        implements Plugin
{
    public static final OptimizerFactory<SgdSpec> SGD = PluginFactories.optimizer(
            "sgd", SgdSpec.class,
            "plain stochastic gradient descent (PyTorch's SGD without momentum)",
            (spec, context) -> new SgdOptimizer(spec.learningRate()));

    public static final OptimizerFactory<MomentumSpec> MOMENTUM = PluginFactories.optimizer(
            "momentum", MomentumSpec.class,
            "SGD with (optionally Nesterov) momentum, as PyTorch's SGD(momentum=..., nesterov=...)",
            (spec, context) -> {
                if (spec.nesterov()) {
                    return new NesterovOptimizer(spec.learningRate(), spec.momentum());
                }
                return new MomentumOptimizer(spec.learningRate(), spec.momentum());
            });

    public static final OptimizerFactory<AdamSpec> ADAM = PluginFactories.optimizer(
            "adam", AdamSpec.class,
            "Adam with bias correction, as PyTorch's Adam (no weight decay, no amsgrad)",
            (spec, context) -> new AdamOptimizer(spec.learningRate(), spec.beta1(), spec.beta2(), spec.epsilon()));

    /**
     * Keeps a network at its initial parameters, so the other player trains alone against a fixed opponent: with
     * {@code optimizer.generator: { type: frozen }} the discriminator approaches D* = p_data / (p_data + p_g) for one
     * fixed p_g.
     */
    public static final OptimizerFactory<FrozenSpec> FROZEN = PluginFactories.optimizer(
            "frozen", FrozenSpec.class,
            "never changes the parameters (train the other player alone against a fixed one)",
            (spec, context) -> new FrozenOptimizer());

    @Override
    public List<OptimizerFactory<?>> optimizers()
    {
        return List.of(SGD, MOMENTUM, ADAM, FROZEN);
    }
}
