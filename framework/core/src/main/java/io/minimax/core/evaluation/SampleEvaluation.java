package io.minimax.core.evaluation;

import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.Players;
import io.minimax.core.plot.BinaryFile;
import io.minimax.core.plot.MetricChartPlot;
import io.minimax.core.plot.SampleGrid;
import io.minimax.core.plot.SamplePlot;
import io.minimax.core.plot.SamplesCsv;
import io.minimax.core.plot.TrajectoryPlot;
import io.minimax.core.wiring.ForEvaluation;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.metric.Measurement;
import io.minimax.spi.network.NetworkMode;
import io.minimax.spi.prior.NoisePrior;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricArtifact;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.Tracker;
import jakarta.inject.Inject;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Every {@code evalEvery} steps: draws {@value #SAMPLE_COUNT} generated and as many real samples (from streams of
 * their own, so evaluating never changes the training trajectory), runs the metric plugins on them, and for data of
 * dimension ≤ 2 plots them; for images it draws an 8 × 8 grid of G's samples at the run's fixed {@link GridNoise}
 * ({@code samples-step-NNNNNN.png}; the same z at every evaluation, so the grids show the samples evolve), which
 * trackers with an image view also get as the series {@value #GRID_KEY}; a new run also draws one of the untrained G
 * at step 0 ({@link #beforeTraining}).
 * After the last step the same generated samples are written to {@code samples-final.csv} (points of dimension ≤ 2),
 * so final metrics and the file describe exactly the same points, a grid of real images to compare with
 * ({@value #REAL_GRID}); then the training curves and the charts the metrics declared are drawn. Both networks
 * evaluate in {@link NetworkMode#INFERENCE}: batch norm uses its running statistics and leaves them unchanged.
 */
public final class SampleEvaluation
        implements Evaluation
{
    /** PacGAN's protocol evaluates 2500 generated samples. */
    public static final int SAMPLE_COUNT = 2500;
    /** The image series of the generated-sample grids, as trackers with an image view show it. */
    public static final String GRID_KEY = "samples";
    /** A grid of as many real images, for comparison, written at the end. */
    public static final String REAL_GRID = "samples-real.png";

    private final Players players;
    private final DataSource data;
    private final NoisePrior prior;
    private final ReferenceData reference;
    private final GridNoise gridNoise;
    private final List<Metric> metrics;
    private final MetricsRecorder recorder;
    private final List<Tracker> trackers;
    private final Path artifacts;
    private final DataType dataType;

    @Inject
    public SampleEvaluation(Players players, @ForEvaluation DataSource data, @ForEvaluation NoisePrior prior, ReferenceData reference,
            GridNoise gridNoise, List<Metric> metrics, MetricsRecorder recorder, List<Tracker> trackers, RunInfo run, DataType dataType)
    {
        this.gridNoise = requireNonNull(gridNoise, "gridNoise is null");
        this.reference = requireNonNull(reference, "reference is null");
        this.players = requireNonNull(players, "players is null");
        this.data = requireNonNull(data, "data is null");
        this.prior = requireNonNull(prior, "prior is null");
        this.metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.trackers = List.copyOf(requireNonNull(trackers, "trackers is null"));
        this.artifacts = requireNonNull(run, "run is null").directory().resolve("artifacts");
        this.dataType = requireNonNull(dataType, "dataType is null");
    }

    @Override
    public Map<String, Double> evaluate(long step, boolean isFinal)
    {
        // as `minimax sample` does, and so that evaluating never folds its batches into batch norm's running state
        players.generator().setMode(NetworkMode.INFERENCE);
        players.discriminator().setMode(NetworkMode.INFERENCE);
        try {
            return evaluateInInferenceMode(step, isFinal);
        }
        finally {
            players.generator().setMode(NetworkMode.TRAINING);
            players.discriminator().setMode(NetworkMode.TRAINING);
        }
    }

    /** The grid of the untrained G at step 0 (images only), so that an image chart's step slider opens on a grid. */
    @Override
    public void beforeTraining()
    {
        if (!SampleGrid.isImage(data.sampleShape())) {
            return;
        }
        players.generator().setMode(NetworkMode.INFERENCE);
        try {
            writeGrid(0);
        }
        finally {
            players.generator().setMode(NetworkMode.TRAINING);
        }
    }

    private Map<String, Double> evaluateInInferenceMode(long step, boolean isFinal)
    {
        EvaluationSamples samples = EvaluationSamples.draw(players, data, prior, reference, step, isFinal, SAMPLE_COUNT, dataType);
        Map<String, Double> values = record(step, samples);
        if (samples.sampleSize() <= 2) {
            publish(SamplePlot.write(samples.generatedSamples(), samples.realSamples(), step,
                    artifacts.resolve(String.format("samples-step-%06d.png", step))));
        }
        if (SampleGrid.isImage(data.sampleShape())) {
            writeGrid(step);
            if (isFinal) {
                publish(SampleGrid.write(samples.realSamples(), SampleGrid.EVALUATION_CELLS, artifacts.resolve(REAL_GRID)));
            }
        }
        if (isFinal) {
            if (samples.sampleSize() <= 2) {
                publish(SamplesCsv.write(samples.generatedSamples(), artifacts.resolve("samples-final.csv")));
            }
            TrainingCurves.write(recorder.history(), artifacts).forEach(this::publish);
            drawCharts();
        }
        return values;
    }

    /** The grid of G's samples at the fixed noise, as an artifact and as the image series {@value #GRID_KEY}. */
    private void writeGrid(long step)
    {
        INDArray generated = players.generator().forward(gridNoise.batch()).dup();
        Path grid = SampleGrid.write(generated, SampleGrid.EVALUATION_CELLS, artifacts.resolve(SampleGrid.fileName(step)));
        publish(grid);
        for (Tracker tracker : trackers) {
            tracker.logImage(grid, GRID_KEY, step);
        }
    }

    /**
     * Logs every metric's measurements, grouped by their step, and writes the artifacts that go with them; returns the
     * measurements at the evaluation's own step.
     */
    private Map<String, Double> record(long step, EvaluationSamples samples)
    {
        Map<Long, Map<String, Double>> byStep = new TreeMap<>();
        for (Metric metric : metrics) {
            for (Measurement measurement : metric.measure(samples)) {
                byStep.computeIfAbsent(measurement.step(), ignored -> new LinkedHashMap<>()).put(measurement.key(), measurement.value());
            }
            for (MetricArtifact artifact : metric.artifacts(samples)) {
                publish(BinaryFile.write(artifact.content(), artifacts.resolve(artifact.fileName())));
            }
        }
        byStep.forEach(recorder::record);
        return Map.copyOf(byStep.getOrDefault(step, Map.of()));
    }

    private void drawCharts()
    {
        for (Metric metric : metrics) {
            for (MetricChart chart : metric.charts()) {
                Map<String, List<MetricPoint>> history = new LinkedHashMap<>();
                for (MetricChart.Series series : chart.series()) {
                    history.put(series.key(), recorder.history().of(series.key()));
                    series.errorKey().ifPresent(key -> history.put(key, recorder.history().of(key)));
                }
                if (history.values().stream().allMatch(List::isEmpty)) {
                    continue;
                }
                Path file = artifacts.resolve(chart.fileName());
                if (chart.horizontalKey().isPresent()) {
                    String horizontal = chart.horizontalKey().get();
                    String vertical = chart.series().get(0).key();
                    publish(TrajectoryPlot.write(horizontal, recorder.history().of(horizontal), vertical, history.get(vertical),
                            chart.title(), file));
                }
                else {
                    publish(MetricChartPlot.write(chart, history, file));
                }
            }
        }
    }

    private void publish(Path file)
    {
        for (Tracker tracker : trackers) {
            tracker.logArtifact(file, "");
        }
    }
}
