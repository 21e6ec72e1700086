package io.minimax.plugins.imagedata;

import io.minimax.spi.data.LabeledImages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where one split of an MNIST-style data set lies in a folder: {@code train-} or {@code t10k-} followed by
 * {@code images-idx3-ubyte} and {@code labels-idx1-ubyte}, each gzipped ({@code .gz}, preferred) or plain, as LeCun's
 * MNIST, Zalando's Fashion-MNIST and Debian's {@code dataset-fashion-mnist} name them.
 *
 * @param images the image file, by its real path (links resolved), so that two spellings of one file share one copy
 * @param labels the label file, likewise
 */
record ImageFolder(Path images, Path labels)
{
    ImageFolder
    {
        requireNonNull(images, "images is null");
        requireNonNull(labels, "labels is null");
    }

    /**
     * @param missingHint what to do when a file is missing, appended to the message (e.g. the package to install)
     * @throws IdxFile.DataFileException naming the file that is missing
     */
    static ImageFolder locate(Path folder, Split split, String missingHint)
    {
        return new ImageFolder(find(folder, split.filePrefix() + "-images-idx3-ubyte", missingHint),
                find(folder, split.filePrefix() + "-labels-idx1-ubyte", missingHint));
    }

    /** Reads both files: images {@code [n, 1, rows, columns]} with their n labels. */
    LabeledImages read()
    {
        IdxFile pixels = IdxFile.read(images, 3);
        IdxFile classes = IdxFile.read(labels, 1);
        long[] sizes = pixels.sizes();
        if (classes.sizes()[0] != sizes[0]) {
            throw new IdxFile.DataFileException(labels + " holds " + classes.sizes()[0] + " labels, but " + images + " holds " + sizes[0]
                    + " images");
        }
        if (sizes[0] == 0 || sizes[1] == 0 || sizes[2] == 0) {
            throw new IdxFile.DataFileException(images + " holds no pixels: its header declares " + sizes[0] + " images of " + sizes[1]
                    + " x " + sizes[2]);
        }
        return new LabeledImages(new long[] {1, sizes[1], sizes[2]}, pixels.values(), classes.values());
    }

    private static Path find(Path folder, String name, String missingHint)
    {
        Path gzipped = folder.resolve(name + ".gz");
        Optional<Path> found = Files.isRegularFile(gzipped) ? Optional.of(gzipped)
                : Files.isRegularFile(folder.resolve(name)) ? Optional.of(folder.resolve(name)) : Optional.empty();
        if (found.isEmpty()) {
            throw new IdxFile.DataFileException(gzipped + " does not exist" + (Files.isDirectory(folder) ? " (nor " + name + ")" : "")
                    + missingHint);
        }
        try {
            return found.get().toRealPath();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + found.get(), e);
        }
    }
}
