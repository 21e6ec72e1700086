package io.minimax.plugins.imagemetrics;

import io.minimax.spi.data.DataSource;
import io.minimax.spi.metric.FeatureExtractor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@code features: auto} takes the classifier a data set names, and the samples' own values elsewhere. */
class TestFeatureSpaces
{
    @Test
    void autoPicksTheClassifierOfDataThatNamesOneAndTheSamplesOtherwise()
    {
        FeatureExtractor fashion = FeatureSpaces.of(FeatureSpaces.AUTO, new BlankImages(Optional.of("fashion-mnist")));
        assertThat(fashion).isInstanceOf(ClassifierFeatures.class);
        assertThat(fashion.featureDimension()).isEqualTo(128);
        assertThat(fashion.classCount()).isEqualTo(10);

        FeatureExtractor other = FeatureSpaces.of(FeatureSpaces.AUTO, new BlankImages(Optional.empty()));
        assertThat(other).isInstanceOf(SampleFeatures.class);
        assertThat(other.featureDimension()).isEqualTo(784);
    }

    @Test
    void theClassifierGivesNonNegativeFeaturesAndProbabilitiesThatSumToOne()
    {
        FeatureExtractor classifier = FeatureSpaces.of(FeatureSpaces.CLASSIFIER, new BlankImages(Optional.of("fashion-mnist")));
        INDArray images = Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28).muli(2).subi(1);
        FeatureExtractor.Extraction extraction = classifier.extract(images);
        assertThat(extraction.features().shape()).containsExactly(3, 128);
        assertThat(extraction.features().minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        INDArray probabilities = extraction.classProbabilities().orElseThrow();
        assertThat(probabilities.shape()).containsExactly(3, 10);
        for (int i = 0; i < 3; i++) {
            assertThat(probabilities.getRow(i).sumNumber().doubleValue()).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void theClassifierOnDataWithoutOneIsAnErrorThatSaysWhatToUse()
    {
        assertThatThrownBy(() -> FeatureSpaces.of(FeatureSpaces.CLASSIFIER, new BlankImages(Optional.empty())))
                .hasMessage("features: classifier: this data set has no classifier (Minimax has one for fashion-mnist); "
                        + "use features: samples");
    }

    /** 28 x 28 images of zeros, naming {@code classifier} as its own. */
    private record BlankImages(Optional<String> classifier)
            implements DataSource
    {
        @Override
        public long[] sampleShape()
        {
            return new long[] {1, 28, 28};
        }

        @Override
        public void sample(INDArray out)
        {
            out.assign(0);
        }

        @Override
        public Optional<String> referenceClassifier()
        {
            return classifier;
        }
    }
}
