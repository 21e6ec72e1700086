package io.minimax.plugins.imagemetrics;

import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.ModeMixture;
import io.minimax.spi.metric.FeatureExtractor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The feature space {@code samples}: each sample's own values, flattened, so the metrics work on any vector data
 * before a trained feature extractor exists (on images that is pixel space, which says little about perceived
 * quality). Its classes are the data's modes where it has known ones (ring, grid, gaussian-1d), a sample's class
 * probabilities being the Bayes posterior of the equally weighted mixture, softmax_k(−‖x − μ_k‖²/(2σ²)).
 */
final class SampleFeatures
        implements FeatureExtractor
{
    private final int dimension;
    private final Optional<ModeMixture> modes;

    SampleFeatures(DataSource data)
    {
        requireNonNull(data, "data is null");
        long length = 1;
        for (long axis : data.sampleShape()) {
            length *= axis;
        }
        this.dimension = Math.toIntExact(length);
        this.modes = data.modes();
    }

    @Override
    public int featureDimension()
    {
        return dimension;
    }

    @Override
    public int classCount()
    {
        return modes.map(ModeMixture::modeCount).orElse(0);
    }

    @Override
    public Extraction extract(INDArray samples)
    {
        INDArray features = samples.castTo(DataType.DOUBLE).reshape('c', samples.size(0), dimension).dup('c');
        return new Extraction(features, modes.map(mixture -> posterior(Matrices.rows(features), mixture)));
    }

    private static INDArray posterior(double[][] points, ModeMixture mixture)
    {
        double[][] probabilities = new double[points.length][mixture.modeCount()];
        double scale = 1 / (2 * mixture.std() * mixture.std());
        for (int i = 0; i < points.length; i++) {
            double largest = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < mixture.modeCount(); k++) {
                double[] mean = mixture.mean(k);
                double squared = 0;
                for (int axis = 0; axis < mean.length; axis++) {
                    squared += (points[i][axis] - mean[axis]) * (points[i][axis] - mean[axis]);
                }
                probabilities[i][k] = -scale * squared;
                largest = Math.max(largest, probabilities[i][k]);
            }
            // shifted by the largest logit: with σ = 0.01 the logits reach −10⁴, whose exponentials underflow
            double sum = 0;
            for (int k = 0; k < mixture.modeCount(); k++) {
                probabilities[i][k] = Math.exp(probabilities[i][k] - largest);
                sum += probabilities[i][k];
            }
            for (int k = 0; k < mixture.modeCount(); k++) {
                probabilities[i][k] /= sum;
            }
        }
        return Nd4j.createFromArray(probabilities);
    }
}
