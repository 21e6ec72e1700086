package io.minimax.plugins.losses;

import io.minimax.plugin.support.PluginFactories;
import io.minimax.spi.Plugin;
import io.minimax.spi.loss.GradientPenaltyFactory;
import io.minimax.spi.loss.LossVariantFactory;

import java.util.List;

/**
 * GAN objectives on discriminator logits: the two of Goodfellow et al. (2014), the least-squares, Wasserstein, hinge
 * and relativistic ones, and the gradient penalties R1, R2 and WGAN-GP.
 */
public final class LossesPlugin
        implements Plugin
{
    public static final LossVariantFactory<MinimaxLossSpec> MINIMAX = PluginFactories.lossVariant(
            "minimax", MinimaxLossSpec.class,
            "original minimax objective: G minimises log(1 - D(G(z))), which saturates when D wins",
            (spec, context) -> new MinimaxLoss());

    public static final LossVariantFactory<NonSaturatingLossSpec> NON_SATURATING = PluginFactories.lossVariant(
            "non-saturating", NonSaturatingLossSpec.class,
            "non-saturating heuristic: G maximises log D(G(z)), strong gradients early in training",
            (spec, context) -> new NonSaturatingLoss());

    public static final LossVariantFactory<LeastSquaresLossSpec> LEAST_SQUARES = PluginFactories.lossVariant(
            "least-squares", LeastSquaresLossSpec.class,
            "least-squares GAN on D's raw output: D regresses real to b and generated to a, G pulls its samples to c",
            (spec, context) -> new LeastSquaresLoss(spec.a(), spec.b(), spec.c()));

    public static final LossVariantFactory<WassersteinLossSpec> WASSERSTEIN = PluginFactories.lossVariant(
            "wasserstein", WassersteinLossSpec.class,
            "Wasserstein GAN: a critic estimates W1(p_data, p_g); weight clipping keeps it Lipschitz",
            (spec, context) -> new WassersteinLoss(spec.clip()));

    public static final LossVariantFactory<HingeLossSpec> HINGE = PluginFactories.lossVariant(
            "hinge", HingeLossSpec.class,
            "hinge loss (geometric GAN, SAGAN): D keeps a margin of 1, G maximises D's score",
            (spec, context) -> new HingeLoss());

    public static final LossVariantFactory<RelativisticAverageLossSpec> RELATIVISTIC = PluginFactories.lossVariant(
            "relativistic", RelativisticAverageLossSpec.class,
            "relativistic average GAN (RaSGAN): each set's logits are judged against the other set's mean",
            (spec, context) -> new RelativisticAverageLoss());

    public static final GradientPenaltyFactory<R1PenaltySpec> R1 = PluginFactories.gradientPenalty(
            "r1", R1PenaltySpec.class,
            "R1: (gamma/2)·E‖∇ₓD(x)‖² on real samples, zero-centred (Mescheder et al. 2018)",
            (spec, context) -> new ZeroCentredGradientPenalty(spec.gamma(), true));

    public static final GradientPenaltyFactory<R2PenaltySpec> R2 = PluginFactories.gradientPenalty(
            "r2", R2PenaltySpec.class,
            "R2: (gamma/2)·E‖∇ₓD(G(z))‖² on generated samples, zero-centred",
            (spec, context) -> new ZeroCentredGradientPenalty(spec.gamma(), false));

    public static final GradientPenaltyFactory<WassersteinGradientPenaltySpec> WGAN_GP = PluginFactories.gradientPenalty(
            "wgan-gp", WassersteinGradientPenaltySpec.class,
            "WGAN-GP: lambda·E(‖∇ₓD(x̂)‖ − 1)² on random interpolates of real and generated samples",
            (spec, context) -> new WassersteinGradientPenalty(spec.lambda(), context.random()));

    @Override
    public List<LossVariantFactory<?>> lossVariants()
    {
        return List.of(
                MINIMAX,
                NON_SATURATING,
                LEAST_SQUARES,
                WASSERSTEIN,
                HINGE,
                RELATIVISTIC);
    }

    @Override
    public List<GradientPenaltyFactory<?>> gradientPenalties()
    {
        return List.of(R1, R2, WGAN_GP);
    }
}
