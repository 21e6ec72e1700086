package io.minimax.cli;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.plugins.imagedata.FashionMnistSpec;
import io.minimax.plugins.imagedata.ImageDataPlugin;
import io.minimax.plugins.imagemetrics.classifier.ClassifierTraining;
import io.minimax.plugins.imagemetrics.classifier.ClassifierWeights;
import io.minimax.plugins.imagemetrics.classifier.FashionMnistClassifier;
import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.PluginContext;
import io.minimax.spi.RandomSource;
import io.minimax.spi.data.LabeledImages;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code minimax classifier train|evaluate}: the Fashion-MNIST classifier whose features the image metrics use, trained
 * by Minimax itself ({@link ClassifierTraining}) and shipped with it ({@link ClassifierWeights#SHIPPED}).
 */
@Command(name = "classifier", description = "Train or evaluate the Fashion-MNIST classifier behind the image metrics.",
        subcommands = {ClassifierCommand.Train.class, ClassifierCommand.Evaluate.class})
final class ClassifierCommand
{
    static final String DATASET = "fashion-mnist";

    private ClassifierCommand() {}

    abstract static class DataOptions
    {
        @Option(names = "--dataset", defaultValue = DATASET, description = "The data set (only fashion-mnist has a classifier).")
        String dataset;

        @Option(names = "--path", paramLabel = "DIR", defaultValue = FashionMnistSpec.DEBIAN_FOLDER,
                description = "Folder of the gzipped IDX files (default: ${DEFAULT-VALUE}).")
        String path;

        @Spec
        CommandSpec spec;

        LabeledImages images(String split)
        {
            if (!DATASET.equals(dataset)) {
                throw new InvalidInputException("--dataset: no classifier for '" + dataset + "' (known: " + DATASET + ")");
            }
            List<Integer> classes = IntStream.range(0, FashionMnistClassifier.CLASSES).boxed().toList();
            try {
                return ImageDataPlugin.FASHION_MNIST.create(new FashionMnistSpec(path, split, classes), new ToolContext())
                        .labeledImages().orElseThrow();
            }
            catch (InvalidSpecException e) {
                throw new InvalidInputException("--" + e.problems().get(0));
            }
        }

        PrintWriter out()
        {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "train", description = "Train the classifier from its seed (deterministic on one thread) and write its weights.")
    static final class Train
            extends DataOptions
            implements java.util.concurrent.Callable<Integer>
    {
        @Option(names = "--epochs", defaultValue = "5", description = "Passes over the training images (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--images", paramLabel = "N", description = "Train on the first N training images only (default: all 60000).")
        Integer images;

        @Option(names = "--seed", defaultValue = "1",
                description = "Seed of the initial weights and the order (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", paramLabel = "FILE", defaultValue = ClassifierWeights.SHIPPED + ".bin",
                description = "The weights file; its manifest goes beside it as .json (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call()
        {
            ClassifierTraining.Settings defaults = ClassifierTraining.Settings.DEFAULT;
            ClassifierTraining.Settings settings;
            try {
                settings = new ClassifierTraining.Settings(epochs, images == null ? Integer.MAX_VALUE : images, defaults.batchSize(),
                        defaults.learningRate(), seed);
            }
            catch (IllegalArgumentException e) {
                throw new InvalidInputException("--epochs and --images must be > 0");
            }
            LabeledImages train = images("train");
            LabeledImages test = images("test");
            PrintWriter out = out();
            ClassifierTraining.Result result = ClassifierTraining.train(train, settings, line -> {
                out.println(line);
                out.flush();
            });
            double accuracy = result.classifier().accuracy(test);
            try {
                Path folder = this.out.toAbsolutePath().getParent();
                if (folder != null) {
                    Files.createDirectories(folder);
                }
                ClassifierWeights.write(this.out, settings, result, accuracy);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot write " + this.out, e);
            }
            out.printf(Locale.ROOT, "trained on %d images in %.1f s; test accuracy %.4f; weights in %s%n", result.images(),
                    result.seconds(), accuracy, this.out);
            return 0;
        }
    }

    @Command(name = "evaluate", description = "Print the classifier's accuracy on the 10000 test images.")
    static final class Evaluate
            extends DataOptions
            implements java.util.concurrent.Callable<Integer>
    {
        @Option(names = "--weights", paramLabel = "FILE",
                description = "Weights written by classifier train (default: the shipped ones).")
        Path weights;

        @Override
        public Integer call()
        {
            FashionMnistClassifier classifier;
            try {
                classifier = weights == null ? ClassifierWeights.shipped() : ClassifierWeights.read(weights);
            }
            catch (IOException e) {
                throw new InvalidInputException("--weights: cannot read " + weights + " (" + e.getMessage() + ")");
            }
            catch (IllegalArgumentException e) {
                throw new InvalidInputException("--weights: " + e.getMessage());
            }
            out().printf(Locale.ROOT, "accuracy %.4f%n", classifier.accuracy(images("test")));
            return 0;
        }
    }

    /** The context of a data source made outside a run: its random stream is never drawn from here. */
    private static final class ToolContext
            implements PluginContext
    {
        private final RandomSource random = new SeededRandomSource(0);

        @Override
        public RandomSource random()
        {
            return random;
        }

        @Override
        public DataType dataType()
        {
            return DataType.FLOAT;
        }
    }
}
