package io.minimax.plugins.imagedata;

import io.minimax.plugin.support.NativeArrays;
import io.minimax.spi.RandomSource;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.LabeledImages;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Draws images uniformly, with replacement, from a set of labelled images: each sample's index comes from the run's
 * scalar stream, so the same seed draws the same images and a checkpoint's stream position continues the same
 * sequence. Values are the images' pixels scaled to [−1, 1]. The images are shared read-only with every other
 * instance made from the same files; this one owns only its scratch buffer.
 */
final class LabeledImagesDataSource
        implements DataSource
{
    private final LabeledImages images;
    private final RandomSource random;
    private final Optional<String> referenceClassifier;
    private final long[] sampleShape;
    private final int pixelsPerImage;
    private float[] floats = new float[0];
    private double[] doubles = new double[0];

    /** @param referenceClassifier the classifier trained on these images, if Minimax has one */
    LabeledImagesDataSource(LabeledImages images, RandomSource random, Optional<String> referenceClassifier)
    {
        this.images = requireNonNull(images, "images is null");
        this.random = requireNonNull(random, "random is null");
        this.referenceClassifier = requireNonNull(referenceClassifier, "referenceClassifier is null");
        if (images.size() == 0) {
            throw new IllegalArgumentException("no images to draw from");
        }
        this.sampleShape = images.imageShape();
        this.pixelsPerImage = Math.toIntExact(Arrays.stream(sampleShape).reduce(1, Math::multiplyExact));
    }

    @Override
    public Optional<String> referenceClassifier()
    {
        return referenceClassifier;
    }

    @Override
    public long[] sampleShape()
    {
        return sampleShape.clone();
    }

    @Override
    public void sample(INDArray out)
    {
        requireNonNull(out, "out is null");
        long[] shape = out.shape();
        if (shape.length != sampleShape.length + 1 || !Arrays.equals(shape, 1, shape.length, sampleShape, 0, sampleShape.length)) {
            throw new IllegalArgumentException("samples need shape [m, " + sampleShape[0] + ", " + sampleShape[1] + ", " + sampleShape[2]
                    + "], got " + Arrays.toString(shape));
        }
        int count = Math.toIntExact(shape[0]);
        int length = Math.multiplyExact(count, pixelsPerImage);
        RandomGenerator scalars = random.scalars();
        if (out.dataType() == DataType.DOUBLE) {
            if (doubles.length < length) {
                doubles = new double[length];
            }
            for (int i = 0; i < count; i++) {
                images.scaledPixels(scalars.nextInt(images.size()), doubles, i * pixelsPerImage);
            }
            if (NativeArrays.isContiguous(out)) {
                NativeArrays.doubles(out).put(doubles, 0, length);
            }
            else {
                out.assign(Nd4j.createFromArray(Arrays.copyOf(doubles, length)).reshape('c', shape));
            }
            return;
        }
        if (floats.length < length) {
            floats = new float[length];
        }
        for (int i = 0; i < count; i++) {
            images.scaledPixels(scalars.nextInt(images.size()), floats, i * pixelsPerImage);
        }
        if (NativeArrays.isContiguous(out) && out.dataType() == DataType.FLOAT) {
            NativeArrays.floats(out).put(floats, 0, length);
        }
        else {
            out.assign(Nd4j.createFromArray(Arrays.copyOf(floats, length)).reshape('c', shape).castTo(out.dataType()));
        }
    }

    @Override
    public Optional<LabeledImages> labeledImages()
    {
        return Optional.of(images);
    }
}
