package io.minimax.plugins.imagemetrics.classifier;

import io.minimax.nn.SequentialNetwork;
import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.data.LabeledImages;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Trains the {@link FashionMnistClassifier} with minibatch Adam on the softmax cross-entropy. Everything random (the
 * initial weights, each epoch's order) comes from the seed, and the products run on the calling thread when
 * {@code OMP_NUM_THREADS=1}, so the same settings give the same weights, bit for bit, on the same CPU kernel.
 */
public final class ClassifierTraining
{
    private static final int CLASSES = FashionMnistClassifier.CLASSES;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private ClassifierTraining() {}

    /**
     * @param images train on the first {@code images} of the set (all of them when larger than the set)
     */
    public record Settings(int epochs, int images, int batchSize, double learningRate, long seed)
    {
        public static final Settings DEFAULT = new Settings(5, Integer.MAX_VALUE, 100, 1e-3, 1);

        public Settings
        {
            if (epochs <= 0 || images <= 0 || batchSize <= 0 || !(learningRate > 0)) {
                throw new IllegalArgumentException("epochs, images, batch size and learning rate must be > 0 (got " + epochs + ", "
                        + images + ", " + batchSize + ", " + learningRate + ")");
            }
        }
    }

    /** @param meanLoss the mean training loss of each epoch */
    public record Result(FashionMnistClassifier classifier, int images, double seconds, double[] meanLoss)
    {
    }

    public static Result train(LabeledImages data, Settings settings, Consumer<String> progress)
    {
        requireNonNull(data, "data is null");
        requireNonNull(settings, "settings is null");
        int count = Math.min(settings.images(), data.size());
        int batch = Math.min(settings.batchSize(), count);
        long started = System.nanoTime();
        SeededRandomSource random = new SeededRandomSource(settings.seed());
        SequentialNetwork network = FashionMnistClassifier.untrained(random.fork("classifier/initial-weights"));
        long parameterCount = network.parameterCount();
        INDArray parameters = Nd4j.create(DataType.FLOAT, 1, parameterCount);
        INDArray gradients = Nd4j.create(DataType.FLOAT, 1, parameterCount);
        network.initialize(parameters, gradients);
        INDArray firstMoment = Nd4j.zeros(DataType.FLOAT, 1, parameterCount);
        INDArray secondMoment = Nd4j.zeros(DataType.FLOAT, 1, parameterCount);
        SplittableRandom order = new SplittableRandom(random.fork("classifier/order").scalars().nextLong());
        int pixels = Math.toIntExact(FashionMnistClassifier.IMAGE_SHAPE[1] * FashionMnistClassifier.IMAGE_SHAPE[2]);
        float[] inputs = new float[batch * pixels];
        int[] labels = new int[batch];
        double[] gradient = new double[batch * FashionMnistClassifier.CLASSES];
        int[] indices = java.util.stream.IntStream.range(0, count).toArray();
        double[] meanLoss = new double[settings.epochs()];
        long step = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(indices, order);
            int batches = count / batch;
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                for (int i = 0; i < batch; i++) {
                    int image = indices[b * batch + i];
                    data.scaledPixels(image, inputs, i * pixels);
                    labels[i] = data.label(image);
                }
                INDArray logits = network.forward(Nd4j.createFromArray(inputs).reshape('c', (long) batch, pixels));
                double[] values = logits.castTo(DataType.DOUBLE).reshape('c', new long[] {(long) batch * CLASSES}).toDoubleVector();
                lossSum += SoftmaxCrossEntropy.lossAndGradient(values, labels, CLASSES, gradient);
                network.backward(Nd4j.createFromArray(gradient).castTo(DataType.FLOAT).reshape('c', new long[] {batch, CLASSES}), true);
                step++;
                adam(parameters, gradients, firstMoment, secondMoment, settings.learningRate(), step);
            }
            meanLoss[epoch] = lossSum / batches;
            double elapsed = (System.nanoTime() - started) / 1e9;
            progress.accept(String.format(Locale.ROOT, "epoch %d: mean loss %.4f (%.0f s)", epoch + 1, meanLoss[epoch], elapsed));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(FashionMnistClassifier.of(parameters.toFloatVector()), count, seconds, meanLoss);
    }

    /** One Adam update (Kingma and Ba 2015, with bias correction) of the flat vectors, in place. */
    private static void adam(INDArray parameters, INDArray gradients, INDArray firstMoment, INDArray secondMoment, double learningRate,
            long step)
    {
        firstMoment.muli(BETA1).addi(gradients.mul(1 - BETA1));
        secondMoment.muli(BETA2).addi(gradients.mul(gradients).muli(1 - BETA2));
        double firstCorrection = 1 - Math.pow(BETA1, step);
        double secondCorrection = 1 - Math.pow(BETA2, step);
        INDArray denominator = Transforms.sqrt(secondMoment.div(secondCorrection), false).addi(EPSILON);
        parameters.subi(firstMoment.div(denominator).muli(learningRate / firstCorrection));
    }

    private static void shuffle(int[] indices, SplittableRandom random)
    {
        for (int i = indices.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
    }
}
