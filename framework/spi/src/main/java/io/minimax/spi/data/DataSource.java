package io.minimax.spi.data;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Optional;

/**
 * Samples of p_data. Samples are arrays of shape {@code [m, sampleShape...]}: a plugin may serve points in the plane
 * ({@code [2]}), scalars ({@code [1]}) or images ({@code [1, 28, 28]}); nothing downstream may assume 2-D points.
 */
public interface DataSource
{
    /** The shape of one sample, without the batch dimension. */
    long[] sampleShape();

    /**
     * Fills {@code out}, of shape {@code [m, sampleShape...]} and the run's data type, with m independent draws
     * from p_data. The caller owns {@code out}; implementations must not keep it.
     */
    void sample(INDArray out);

    /** The density of p_data, where it is known in closed form (toy distributions); empty for real data. */
    default Optional<Density> density()
    {
        return Optional.empty();
    }

    /**
     * Where p_data's modes are, when it is an equally weighted mixture of isotropic Gaussians of one σ (the ring and
     * grid benchmarks); empty otherwise. Mode-coverage instruments need it.
     */
    default Optional<ModeMixture> modes()
    {
        return Optional.empty();
    }

    /**
     * The labelled images p_data draws from uniformly (its {@link LabeledImages#size()} images, each equally likely),
     * for instruments that need classes: a classifier, a class-coverage metric. Empty for data without labels.
     */
    default Optional<LabeledImages> labeledImages()
    {
        return Optional.empty();
    }

    /**
     * The name of the classifier Minimax trained on this data set ({@code fashion-mnist}), whose features the
     * feature-space metrics use by default; empty for data without one, where they fall back to the samples' own
     * values. A data set names it itself, so another data set of the same shape (a user's MNIST) never gets a
     * classifier trained on other images.
     */
    default Optional<String> referenceClassifier()
    {
        return Optional.empty();
    }
}
