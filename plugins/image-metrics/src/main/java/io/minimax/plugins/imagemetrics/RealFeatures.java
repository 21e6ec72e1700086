package io.minimax.plugins.imagemetrics;

import io.minimax.spi.data.DataSource;
import io.minimax.spi.metric.FeatureExtractor;
import io.minimax.spi.metric.FeatureExtractor.Extraction;
import io.minimax.spi.metric.RunView;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * One metric's feature extractor and real set: at the first evaluation, {@code count} samples of p_data through the
 * extractor, kept for the whole run, so each later evaluation only extracts its generated samples. The set is the
 * run's reference set of that size ({@link RunView#referenceRealSamples}): it depends on the seed alone, so a resumed
 * run, which draws it again, gets the same one and the same metric values.
 */
final class RealFeatures
{
    private final Function<DataSource, FeatureExtractor> extractorOfData;
    private final int count;
    private FeatureExtractor extractor;
    private Features real;

    /** The extractor of the named feature space ({@link FeatureSpaces}). */
    RealFeatures(String space, int count)
    {
        this(data -> FeatureSpaces.of(space, data), count);
    }

    /** @param extractorOfData the extractor for the run's data, asked once at the first evaluation */
    RealFeatures(Function<DataSource, FeatureExtractor> extractorOfData, int count)
    {
        this.extractorOfData = requireNonNull(extractorOfData, "extractorOfData is null");
        this.count = count;
    }

    /** The real set's features, drawn and extracted at the first call. */
    Features real(RunView run)
    {
        if (real == null) {
            real = extract(run, run.referenceRealSamples(count));
        }
        return real;
    }

    /** The features of this evaluation's generated samples (the ones every metric of the evaluation sees). */
    Features generated(RunView run)
    {
        return extract(run, run.generatedSamples());
    }

    private Features extract(RunView run, INDArray samples)
    {
        if (extractor == null) {
            extractor = extractorOfData.apply(run.data());
        }
        Extraction extraction = extractor.extract(samples);
        return new Features(Matrices.rows(extraction.features()), extraction.classProbabilities().map(Matrices::rows));
    }

    /** Feature vectors {@code [n][d]} and, where the extractor has classes, class probabilities {@code [n][K]}. */
    record Features(double[][] vectors, Optional<double[][]> classProbabilities)
    {
    }
}
