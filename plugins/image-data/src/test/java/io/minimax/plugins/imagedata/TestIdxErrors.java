package io.minimax.plugins.imagedata;

import io.minimax.spi.InvalidSpecException;
import io.minimax.testkit.TestContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way the files can be wrong is one line naming the file and what is wrong, reported as a problem of {@code path}. */
class TestIdxErrors
{
    private static final byte[] LABELS = {0, 1, 2, 1, 0};
    private static final List<Integer> ALL = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    @TempDir
    Path temp;

    @Test
    void aMissingFashionMnistFolderSaysWhichPackageToInstall()
    {
        Path folder = temp.resolve("nowhere");
        assertProblem(() -> ImageDataPlugin.FASHION_MNIST.create(new FashionMnistSpec(folder.toString(), "train", ALL), context()),
                "path: " + folder.resolve("train-images-idx3-ubyte.gz") + " does not exist: apt-get install dataset-fashion-mnist");
    }

    @Test
    void aMissingIdxFileNamesBothSpellingsItLookedFor()
    {
        IdxFixtures.folder(temp, "train", 3, 4, LABELS, true);
        assertProblem(() -> load(temp, "test"),
                "path: " + temp.resolve("t10k-images-idx3-ubyte.gz") + " does not exist (nor t10k-images-idx3-ubyte)");
    }

    @Test
    void aFileOfAnotherKindIsNamedWithItsMagic()
            throws Exception
    {
        IdxFixtures.folder(temp, "train", 3, 4, LABELS, false);
        Path images = temp.resolve("train-images-idx3-ubyte");
        Files.copy(temp.resolve("train-labels-idx1-ubyte"), images, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertProblem(() -> load(temp, "train"), "path: " + images.toRealPath()
                + " is not an IDX file of images (unsigned bytes, 3 dimensions): it starts with magic 0x00000801, expected 0x00000803"
                + " (an IDX file of unsigned bytes with 1 dimensions)");

        Files.writeString(images, "<html>404 Not Found</html>", StandardCharsets.US_ASCII);
        assertProblem(() -> load(temp, "train"), "path: " + images.toRealPath()
                + " is not an IDX file of images (unsigned bytes, 3 dimensions): it starts with magic 0x3c68746d, expected 0x00000803");
    }

    @Test
    void truncatedFilesSayWhatIsMissing()
            throws Exception
    {
        IdxFixtures.folder(temp.resolve("plain"), "train", 3, 4, LABELS, false);
        Path plain = temp.resolve("plain/train-images-idx3-ubyte");
        byte[] whole = Files.readAllBytes(plain);
        Files.write(plain, Arrays.copyOf(whole, whole.length - 10));
        assertProblem(() -> load(temp.resolve("plain"), "train"), "path: " + plain.toRealPath()
                + " is truncated: its header declares 5 x 3 x 4 = 60 bytes of values, the file holds 50");
        Files.write(plain, Arrays.copyOf(whole, 9));
        assertProblem(() -> load(temp.resolve("plain"), "train"), "path: " + plain.toRealPath()
                + " is truncated: its header needs 12 bytes, the file holds 5");

        IdxFixtures.folder(temp.resolve("gz"), "train", 3, 4, LABELS, true);
        Path gzipped = temp.resolve("gz/train-images-idx3-ubyte.gz");
        byte[] compressed = Files.readAllBytes(gzipped);
        Files.write(gzipped, Arrays.copyOf(compressed, compressed.length / 2));
        assertProblem(() -> load(temp.resolve("gz"), "train"), "path: " + gzipped.toRealPath()
                + " is truncated: its gzip stream ends early (Unexpected end of ZLIB input stream)");
    }

    @Test
    void labelsAndImagesMustAgree()
            throws Exception
    {
        IdxFixtures.folder(temp, "train", 3, 4, LABELS, true);
        IdxFixtures.write(temp.resolve("train-labels-idx1-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.labels(new byte[] {1, 2, 3})));
        assertProblem(() -> load(temp, "train"), "path: " + temp.resolve("train-labels-idx1-ubyte.gz").toRealPath()
                + " holds 3 labels, but " + temp.resolve("train-images-idx3-ubyte.gz").toRealPath() + " holds 5 images");
    }

    @Test
    void classesWithoutImagesAreAProblemOfClasses()
            throws Exception
    {
        IdxFixtures.folder(temp, "train", 3, 4, LABELS, true);
        assertProblem(() -> ImageDataPlugin.IDX.create(new IdxSpec(temp.toString(), "train", List.of(7, 8)), context()),
                "classes: no image of class [7, 8] in " + temp.resolve("train-labels-idx1-ubyte.gz").toRealPath());
    }

    @Test
    void specsCheckEveryField()
    {
        assertThatThrownBy(() -> new IdxSpec(" ", "validation", List.of(3, 10, 3)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("path: must name a folder; split: must be one of train, test (got 'validation');"
                        + " classes[1]: must be 0-9 (got 10); classes[2]: repeats class 3");
        assertThatThrownBy(() -> new FashionMnistSpec(FashionMnistSpec.DEBIAN_FOLDER, "train", List.of()))
                .hasMessage("classes: needs at least one class");
    }

    private static void load(Path folder, String split)
    {
        ImageDataPlugin.IDX.create(new IdxSpec(folder.toString(), split, ALL), context());
    }

    private static io.minimax.spi.PluginContext context()
    {
        return TestContexts.plugin(1, DataType.FLOAT);
    }

    private static void assertProblem(Runnable creation, String message)
    {
        assertThatThrownBy(creation::run).isInstanceOf(InvalidSpecException.class).hasMessage(message);
        try {
            creation.run();
        }
        catch (InvalidSpecException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
        }
    }
}
