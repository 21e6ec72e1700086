package io.minimax.plugins.imagemetrics;

import io.minimax.plugin.support.PluginFactories;
import io.minimax.spi.Plugin;
import io.minimax.spi.metric.MetricFactory;

import java.util.List;

/**
 * Metrics on features of generated and real samples, as the image-GAN literature computes them on a classifier's
 * features: the Fréchet and kernel distances, improved precision and recall, and class coverage. Double precision;
 * the matrix products and eigendecompositions are ND4J's (OpenBLAS, LAPACK).
 */
public final class ImageMetricsPlugin
        implements Plugin
{
    public static final MetricFactory<FrechetDistanceSpec> FRECHET_DISTANCE = PluginFactories.metric(
            "frechet-distance", FrechetDistanceSpec.class,
            "Frechet distance between Gaussians fitted to real and generated features; saves its inputs as .npy",
            (spec, context) -> new FrechetDistanceMetric(new RealFeatures(spec.features(), spec.realSamples())));

    public static final MetricFactory<KernelDistanceSpec> KERNEL_DISTANCE = PluginFactories.metric(
            "kernel-distance", KernelDistanceSpec.class,
            "unbiased MMD^2 of features under the cubic polynomial kernel (KID), mean and std over random subsets",
            (spec, context) -> new KernelDistanceMetric(new RealFeatures(spec.features(), spec.realSamples()), spec.subsetSize(),
                    spec.subsets(), context.random().scalars()));

    public static final MetricFactory<PrecisionRecallSpec> PRECISION_RECALL = PluginFactories.metric(
            "precision-recall", PrecisionRecallSpec.class,
            "improved precision and recall (Kynkaanniemi et al. 2019) on k-nearest-neighbour manifolds of the features",
            (spec, context) -> new PrecisionRecallMetric(new RealFeatures(spec.features(), spec.realSamples()), spec.k()));

    public static final MetricFactory<ClassCoverageSpec> CLASS_COVERAGE = PluginFactories.metric(
            "class-coverage", ClassCoverageSpec.class,
            "classes covered by the generated samples' predicted classes, and KL to the real samples' class distribution",
            (spec, context) -> new ClassCoverageMetric(new RealFeatures(spec.features(), spec.realSamples()), spec.minimumFraction()));

    @Override
    public List<MetricFactory<?>> metrics()
    {
        return List.of(FRECHET_DISTANCE, KERNEL_DISTANCE, PRECISION_RECALL, CLASS_COVERAGE);
    }
}
