package io.minimax.plugins.imagedata;

import io.minimax.plugin.support.PluginFactories;
import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.Plugin;
import io.minimax.spi.PluginContext;
import io.minimax.spi.SpecProblem;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.data.LabeledImages;

import java.util.List;
import java.util.Optional;

/**
 * Real images: MNIST-style IDX files, read once per process and shared read-only by every run, evaluation and
 * lockstep lane that names the same files ({@link PluginContext#shared()}). Samples are {@code [m, 1, rows, columns]}
 * with values in [−1, 1]. A missing or damaged file is a one-line error naming it, reported where the descriptor is
 * checked ({@code data.path: …}).
 */
public final class ImageDataPlugin
        implements Plugin
{
    static final String INSTALL_HINT = ": apt-get install dataset-fashion-mnist";
    /** The classifier the image metrics use on Fashion-MNIST (in any class subset: it knows all ten). */
    public static final String FASHION_MNIST_CLASSIFIER = "fashion-mnist";

    public static final DataSourceFactory<FashionMnistSpec> FASHION_MNIST = PluginFactories.dataSource(
            "fashion-mnist", FashionMnistSpec.class,
            "Zalando's Fashion-MNIST, 28 x 28 grey images of 10 kinds of clothing, from Debian's dataset-fashion-mnist package",
            (spec, context) -> create(spec, context, INSTALL_HINT, Optional.of(FASHION_MNIST_CLASSIFIER)));

    public static final DataSourceFactory<IdxSpec> IDX = PluginFactories.dataSource(
            "idx", IdxSpec.class,
            "any MNIST-style folder of IDX image and label files (e.g. a copy of MNIST), plain or gzipped",
            (spec, context) -> create(spec, context, "", Optional.empty()));

    @Override
    public List<DataSourceFactory<?>> dataSources()
    {
        return List.of(FASHION_MNIST, IDX);
    }

    private static DataSource create(ImageFolderSpec spec, PluginContext context, String missingHint, Optional<String> classifier)
    {
        LabeledImages whole;
        ImageFolder folder;
        try {
            folder = ImageFolder.locate(spec.folder(), Split.named(spec.split()), missingHint);
            whole = context.shared().get(folder, LabeledImages.class, folder::read);
        }
        catch (IdxFile.DataFileException e) {
            throw new InvalidSpecException(List.of(new SpecProblem("path", e.getMessage())));
        }
        LabeledImages selected = whole.withClasses(spec.classArray());
        if (selected.size() == 0) {
            throw new InvalidSpecException(List.of(new SpecProblem("classes", "no image of class " + spec.classes() + " in "
                    + folder.labels())));
        }
        return new LabeledImagesDataSource(selected, context.random(), classifier);
    }
}
