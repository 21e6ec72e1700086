package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentSpec;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.evaluation.SampleEvaluation;
import io.minimax.core.plot.SampleGrid;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import io.minimax.core.wiring.RunServicesModule;
import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;
import io.minimax.spi.tracking.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample grids of one run show G at one fixed z: two evaluations of an unchanged G draw the same grid, byte for
 * byte, although each evaluation draws fresh samples for its metrics; another seed draws other z. (That a resumed
 * run's grids equal the uninterrupted run's is checked by {@link TestResume}'s image run.)
 */
class TestSampleGridNoise
{
    private static final PluginRegistry REGISTRY = PluginLoader.load(Optional.empty());

    @Test
    void twoEvaluationsOfAnUnchangedGeneratorDrawTheSameGrid(@TempDir Path temp)
            throws IOException
    {
        ImageSeries images = new ImageSeries();
        SampleEvaluation evaluation = evaluation(TestImageRuns.descriptor("grids"), temp.resolve("run"), images);
        evaluation.evaluate(1, false);
        evaluation.evaluate(2, false);

        String first = digest(temp.resolve("run/artifacts").resolve(SampleGrid.fileName(1)));
        assertThat(digest(temp.resolve("run/artifacts").resolve(SampleGrid.fileName(2)))).isEqualTo(first);
        assertThat(images.logged).containsExactly(SampleEvaluation.GRID_KEY + " 1", SampleEvaluation.GRID_KEY + " 2");

        SampleEvaluation otherSeed = evaluation(TestImageRuns.descriptor("grids").replace("seed: 3", "seed: 4"), temp.resolve("other"),
                new ImageSeries());
        otherSeed.evaluate(1, false);
        assertThat(digest(temp.resolve("other/artifacts").resolve(SampleGrid.fileName(1)))).isNotEqualTo(first);
    }

    /** The file's SHA-256: a failure prints two short lines rather than two PNGs as byte lists. */
    private static String digest(Path file)
            throws IOException
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static SampleEvaluation evaluation(String descriptor, Path directory, Tracker tracker)
            throws IOException
    {
        Files.createDirectories(directory.resolve("artifacts"));
        ExperimentSpec spec = PluginFixtures.bind(REGISTRY, descriptor);
        RunInfo run = new RunInfo("grids", "grids", "grids", directory, 0);
        return RunInjector.create(new RunModule(spec, REGISTRY, DataType.FLOAT),
                new RunServicesModule(run, List.of(tracker), TrainingListener.NONE, new StopSignal(), Clock.systemUTC()))
                .getInstance(SampleEvaluation.class);
    }

    /** Remembers which images it was given, as "key step". */
    private static final class ImageSeries
            implements Tracker
    {
        private final List<String> logged = new ArrayList<>();

        @Override
        public void runStarted(RunInfo run, Map<String, String> params, Map<String, String> tags) {}

        @Override
        public void logMetrics(List<MetricPoint> metrics) {}

        @Override
        public void logArtifact(Path file, String artifactPath) {}

        @Override
        public void logImage(Path file, String key, long step)
        {
            logged.add(key + " " + step);
        }

        @Override
        public void runEnded(RunStatus status, Optional<String> error) {}
    }
}
