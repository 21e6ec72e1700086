package io.minimax.plugins.imagedata;

import io.minimax.spi.Param;

import java.util.List;

/** Fashion-MNIST from Debian's {@code dataset-fashion-mnist} package, or the same files anywhere else. */
public record FashionMnistSpec(
        @Param(description = "folder of the gzipped IDX files; the default is where apt-get install dataset-fashion-mnist puts them",
                defaultValue = FashionMnistSpec.DEBIAN_FOLDER) String path,
        @Param(description = "train (60000 images) or test (10000 images)", defaultValue = "train") String split,
        @Param(description = "the classes to draw from, a subset of 0-9: 0 T-shirt/top, 1 trouser, 2 pullover, 3 dress, 4 coat, 5 sandal,"
                + " 6 shirt, 7 sneaker, 8 bag, 9 ankle boot", defaultValue = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]") List<Integer> classes)
        implements ImageFolderSpec
{
    public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";

    public FashionMnistSpec
    {
        ImageFolderSpec.check(path, split, classes).orThrow();
        classes = List.copyOf(classes);
    }
}
