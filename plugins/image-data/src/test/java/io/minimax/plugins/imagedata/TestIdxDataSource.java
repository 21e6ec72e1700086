package io.minimax.plugins.imagedata;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginContext;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.data.LabeledImages;
import io.minimax.testkit.DataSourceCheck;
import io.minimax.testkit.SpecDefaults;
import io.minimax.testkit.TestContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestIdxDataSource
{
    private static final byte[] LABELS = {0, 1, 2, 1, 0};
    private static final List<Integer> ALL = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    @TempDir
    Path temp;

    @Test
    void serviceLoaderFindsThePluginWithBothSources()
    {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type)).contains(ImageDataPlugin.class);
        assertThat(new ImageDataPlugin().dataSources()).extracting(DataSourceFactory::name).containsExactly("fashion-mnist", "idx");
    }

    @Test
    void defaultsReadDebiansFashionMnistFolder()
    {
        assertThat(SpecDefaults.build(FashionMnistSpec.class, Map.of()))
                .isEqualTo(new FashionMnistSpec("/usr/share/datasets/fashion-mnist", "train", ALL));
        assertThat(SpecDefaults.build(IdxSpec.class, Map.of("path", "/data/mnist"))).isEqualTo(new IdxSpec("/data/mnist", "train", ALL));
    }

    @Test
    void everySampleIsOneOfTheImagesScaledToMinusOneToOne()
    {
        for (boolean gzipped : new boolean[] {true, false}) {
            Path folder = IdxFixtures.folder(temp.resolve("gz-" + gzipped), "train", 3, 4, LABELS, gzipped);
            DataSource source = idx(folder, "train", ALL, TestContexts.plugin(7, DataType.DOUBLE));
            assertThat(source.sampleShape()).containsExactly(1, 3, 4);
            int[] counts = drawnImages(source, 1000, 3 * 4);
            // uniform over the 5 images: 200 each, binomial standard deviation ~12.6
            for (int count : counts) {
                assertThat(count).as("gzipped " + gzipped).isBetween(150, 250);
            }
        }
    }

    @Test
    void classesRestrictTheDrawsAndTheLabeledImages()
    {
        Path folder = IdxFixtures.folder(temp, "train", 3, 4, LABELS, true);
        DataSource ones = idx(folder, "train", List.of(1), TestContexts.plugin(7, DataType.DOUBLE));
        int[] counts = drawnImages(ones, 400, 12);
        assertThat(counts[0]).isZero();
        assertThat(counts[2]).isZero();
        assertThat(counts[4]).isZero();
        assertThat(counts[1] + counts[3]).isEqualTo(400);

        LabeledImages all = idx(folder, "train", ALL, TestContexts.plugin(7, DataType.DOUBLE)).labeledImages().orElseThrow();
        assertThat(all.size()).isEqualTo(5);
        assertThat(all.classCount()).isEqualTo(3);
        assertThat(all.classFrequencies()).containsExactly(0.4, 0.4, 0.2);
        assertThat(all.labels(new int[] {0, 1, 2, 3, 4})).containsExactly(0, 1, 2, 1, 0);
        LabeledImages selected = ones.labeledImages().orElseThrow();
        assertThat(selected.size()).isEqualTo(2);
        assertThat(selected.classFrequencies()).containsExactly(0.0, 1.0, 0.0);
        INDArray images = Nd4j.create(DataType.FLOAT, 2, 1, 3, 4);
        selected.images(new int[] {1, 0}, images);
        assertThat(images.getDouble(0, 0, 0, 0)).isCloseTo(IdxFixtures.pixel(3, 0) / 127.5 - 1, within(1e-6));
        assertThat(images.getDouble(1, 0, 2, 3)).isCloseTo(IdxFixtures.pixel(1, 11) / 127.5 - 1, within(1e-6));
    }

    @Test
    void theTestSplitReadsTheT10kFiles()
    {
        IdxFixtures.folder(temp, "train", 3, 4, LABELS, true);
        IdxFixtures.folder(temp, "t10k", 2, 2, new byte[] {9, 9, 9}, false);
        DataSource test = idx(temp, "test", ALL, TestContexts.plugin(1, DataType.FLOAT));
        assertThat(test.sampleShape()).containsExactly(1, 2, 2);
        assertThat(test.labeledImages().orElseThrow().classFrequencies()[9]).isEqualTo(1.0);
    }

    @Test
    void theSameSeedDrawsTheSameImagesAndARestoredStreamContinuesThem()
    {
        Path folder = IdxFixtures.folder(temp, "train", 3, 4, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2}, true);
        SeededRandomSource stream = new SeededRandomSource(3);
        DataSource source = idx(folder, "train", ALL, new SharingContext(stream, DataType.FLOAT, new CountingSharedValues()));
        INDArray first = batch(source);
        long[] position = stream.position();
        INDArray next = batch(source);

        SeededRandomSource again = new SeededRandomSource(3);
        DataSource replay = idx(folder, "train", ALL, new SharingContext(again, DataType.FLOAT, new CountingSharedValues()));
        assertThat(batch(replay)).isEqualTo(first);
        SeededRandomSource resumed = new SeededRandomSource(3);
        resumed.restore(position);
        DataSource continued = idx(folder, "train", ALL, new SharingContext(resumed, DataType.FLOAT, new CountingSharedValues()));
        assertThat(batch(continued)).isEqualTo(next);
        assertThat(next).isNotEqualTo(first);
    }

    @Test
    void passesTheDataSourceChecks()
    {
        byte[] labels = new byte[200];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) (i % 10);
        }
        // pixels (7i + 13p) mod 256 repeat every 256 images: 200 distinct images
        Path folder = IdxFixtures.folder(temp, "train", 5, 5, labels, true);
        DataSourceCheck.check("idx", ImageDataPlugin.IDX, new IdxSpec(folder.toString(), "train", ALL));
    }

    @Test
    void sourcesOfTheSameFilesShareOneCopyWhateverTheSpellingOfThePath()
            throws Exception
    {
        Path folder = IdxFixtures.folder(temp.resolve("data"), "train", 3, 4, LABELS, true);
        Path link = Files.createSymbolicLink(temp.resolve("link"), folder);
        CountingSharedValues shared = new CountingSharedValues();
        LabeledImages first = idx(folder, "train", ALL, SharingContext.of(1, shared)).labeledImages().orElseThrow();
        idx(temp.resolve("data/../data"), "train", List.of(0, 2), SharingContext.of(2, shared));
        idx(link, "train", ALL, SharingContext.of(3, shared));
        assertThat(shared.loads()).isEqualTo(1);
        assertThat(first.size()).isEqualTo(5);
        IdxFixtures.folder(temp, "t10k", 2, 2, new byte[] {1}, true);
        idx(temp, "test", ALL, SharingContext.of(4, shared));
        assertThat(shared.loads()).isEqualTo(2);
    }

    static DataSource idx(Path folder, String split, List<Integer> classes, PluginContext context)
    {
        return ImageDataPlugin.IDX.create(new IdxSpec(folder.toString(), split, classes), context);
    }

    private static INDArray batch(DataSource source)
    {
        INDArray out = Nd4j.create(DataType.FLOAT, 16, 1, 3, 4);
        source.sample(out);
        return out;
    }

    /** How often each fixture image was drawn, identified by its exact pixels. */
    private static int[] drawnImages(DataSource source, int draws, int pixelsPerImage)
    {
        INDArray samples = Nd4j.create(DataType.DOUBLE, draws, 1, 3, 4);
        source.sample(samples);
        double[] values = samples.data().asDouble();
        int[] counts = new int[LABELS.length];
        for (int row = 0; row < draws; row++) {
            int match = -1;
            for (int image = 0; image < LABELS.length && match < 0; image++) {
                boolean same = true;
                for (int p = 0; p < pixelsPerImage && same; p++) {
                    same = values[row * pixelsPerImage + p] == IdxFixtures.pixel(image, p) / 127.5 - 1;
                }
                match = same ? image : -1;
            }
            assertThat(match).as("row %d is one of the images", row).isNotNegative();
            counts[match]++;
        }
        return counts;
    }
}
