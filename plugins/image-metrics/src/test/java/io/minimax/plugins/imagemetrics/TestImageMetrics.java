package io.minimax.plugins.imagemetrics;

import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricArtifact;
import io.minimax.spi.metric.RunView;
import io.minimax.testkit.FakeRunView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The four metrics in evaluations of a fake run, with a stand-in extractor (the points and their quadrants). */
class TestImageMetrics
{
    private static final int COUNT = 2000;

    @Test
    void aGeneratorThatMatchesTheDataScoresAsSuch()
    {
        RunView run = new FakeRunView(new SquareModes(1), new SquareModes(2), point -> 0, COUNT, 100, false);
        assertThat(evaluate(new FrechetDistanceMetric(features(1000)), run).get(FrechetDistanceMetric.DISTANCE)).isCloseTo(0, within(0.01));
        Map<String, Double> kernel = evaluate(new KernelDistanceMetric(features(1000), 500, 10, new SplittableRandom(1)), run);
        assertThat(kernel.get(KernelDistanceMetric.DISTANCE)).isCloseTo(0, within(0.01));
        Map<String, Double> precisionRecall = evaluate(new PrecisionRecallMetric(features(COUNT), 3), run);
        assertThat(precisionRecall.get(PrecisionRecallMetric.PRECISION)).isGreaterThan(0.95);
        assertThat(precisionRecall.get(PrecisionRecallMetric.RECALL)).isGreaterThan(0.95);
        Map<String, Double> coverage = evaluate(new ClassCoverageMetric(features(1000), 0.1), run);
        assertThat(coverage.get(ClassCoverageMetric.CLASSES_COVERED)).isEqualTo(4.0);
        assertThat(coverage.get(ClassCoverageMetric.KL_DIVERGENCE)).isCloseTo(0, within(0.01));
    }

    @Test
    void aGeneratorOnOneCornerOfFourScoresAsCollapsed()
    {
        RunView run = new FakeRunView(new SquareModes(1), new SquareModes(2, 0), point -> 0, COUNT, 100, false);
        // data: mean 0, Σ = 1.01·I (corners ±1, σ = 0.1); G: mean (1, 1), Σ = 0.01·I. Both diagonal, so
        // FD = ‖μ‖² + 2(√1.01 − 0.1)² = 2 + 1.638 = 3.638, up to sampling error
        assertThat(evaluate(new FrechetDistanceMetric(features(10000)), run).get(FrechetDistanceMetric.DISTANCE))
                .isCloseTo(3.638, within(0.1));
        Map<String, Double> kernel = evaluate(new KernelDistanceMetric(features(1000), 500, 10, new SplittableRandom(1)), run);
        assertThat(kernel.get(KernelDistanceMetric.DISTANCE)).isGreaterThan(20 * kernel.get(KernelDistanceMetric.STANDARD_DEVIATION));
        Map<String, Double> precisionRecall = evaluate(new PrecisionRecallMetric(features(COUNT), 3), run);
        assertThat(precisionRecall.get(PrecisionRecallMetric.PRECISION)).isGreaterThan(0.95);
        assertThat(precisionRecall.get(PrecisionRecallMetric.RECALL)).isCloseTo(0.25, within(0.03));
        Map<String, Double> coverage = evaluate(new ClassCoverageMetric(features(10000), 0.1), run);
        assertThat(coverage.get(ClassCoverageMetric.CLASSES_COVERED)).isEqualTo(1.0);
        assertThat(coverage.get(ClassCoverageMetric.KL_DIVERGENCE)).isCloseTo(Math.log(4), within(0.05));
    }

    @Test
    void theRealSetIsExtractedOnceAndEachEvaluationExtractsItsGeneratedSamples()
    {
        QuadrantExtractor extractor = new QuadrantExtractor();
        FrechetDistanceMetric metric = new FrechetDistanceMetric(new RealFeatures(data -> extractor, 3000));
        for (int evaluation = 0; evaluation < 3; evaluation++) {
            metric.measure(new FakeRunView(new SquareModes(1), new SquareModes(2 + evaluation), point -> 0, 500, 100L * evaluation, false));
        }
        assertThat(extractor.batchSizes).containsExactly(3000L, 500L, 500L, 500L);
    }

    @Test
    void theFinalEvaluationSavesTheFrechetDistanceInputs()
    {
        FrechetDistanceMetric metric = new FrechetDistanceMetric(features(1000));
        RunView middle = new FakeRunView(new SquareModes(1), new SquareModes(2), point -> 0, 500, 100, false);
        metric.measure(middle);
        assertThat(metric.artifacts(middle)).isEmpty();
        RunView last = new FakeRunView(new SquareModes(1), new SquareModes(2), point -> 0, 500, 200, true);
        metric.measure(last);
        List<MetricArtifact> files = metric.artifacts(last);
        assertThat(files).extracting(MetricArtifact::fileName).containsExactlyElementsOf(FrechetDistanceMetric.FILES);
        // 128 bytes of header, then 2 doubles of mean or 2 × 2 of covariance
        assertThat(files).extracting(file -> file.content().length).containsExactly(144, 160, 144, 160);
    }

    @Test
    void kernelDistancesRepeatWithTheSeed()
    {
        Map<String, Double> first = evaluate(new KernelDistanceMetric(features(600), 100, 5, new SplittableRandom(9)),
                new FakeRunView(new SquareModes(1), new SquareModes(2, 0, 1), point -> 0, 600, 100, false));
        Map<String, Double> again = evaluate(new KernelDistanceMetric(features(600), 100, 5, new SplittableRandom(9)),
                new FakeRunView(new SquareModes(1), new SquareModes(2, 0, 1), point -> 0, 600, 100, false));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theSamplesFeatureSpaceHasTheModesAsClasses()
    {
        // features: samples on data with modes: the Bayes posterior over the four corners, here of the two-corner generator
        RunView run = new FakeRunView(new SquareModes(1), new SquareModes(2, 0, 2), point -> 0, COUNT, 100, false);
        Map<String, Double> coverage = evaluate(new ClassCoverageMetric(new RealFeatures(FeatureSpaces.SAMPLES, 10000), 0.1), run);
        assertThat(coverage.get(ClassCoverageMetric.CLASSES_COVERED)).isEqualTo(2.0);
        assertThat(coverage.get(ClassCoverageMetric.KL_DIVERGENCE)).isCloseTo(Math.log(2), within(0.05));
    }

    @Test
    void classCoverageSaysWhenTheFeaturesHaveNoClasses()
    {
        RunView run = new FakeRunView(new SquareModes(1), new SquareModes(2), point -> 0, 100, 100, false);
        RealFeatures classless = new RealFeatures(data -> new SampleFeatures(new NoModes(data)), 100);
        assertThatThrownBy(() -> new ClassCoverageMetric(classless, 0.1).measure(run))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("class-coverage needs class probabilities, and these features have none");
    }

    private static RealFeatures features(int realSamples)
    {
        return new RealFeatures(data -> new QuadrantExtractor(), realSamples);
    }

    private static Map<String, Double> evaluate(Metric metric, RunView run)
    {
        return metric.evaluate(run);
    }

    /** The same data without its modes, as real data has none. */
    private record NoModes(io.minimax.spi.data.DataSource data)
            implements io.minimax.spi.data.DataSource
    {
        @Override
        public long[] sampleShape()
        {
            return data.sampleShape();
        }

        @Override
        public void sample(org.nd4j.linalg.api.ndarray.INDArray out)
        {
            data.sample(out);
        }
    }
}
