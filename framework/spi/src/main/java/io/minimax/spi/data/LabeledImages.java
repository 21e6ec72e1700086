package io.minimax.spi.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A set of 8-bit images with a class label each, as an image data source draws from: what a classifier trains on and
 * what a class-coverage instrument compares generated samples with. Pixels are kept as bytes (a quarter of the memory
 * of floats) and handed out scaled to [−1, 1] as {@code p / 127.5 − 1}, the scale of the data source's samples.
 * Immutable: a {@linkplain #withClasses subset} shares the pixels of the set it was taken from, and nothing here
 * ever writes them, so one copy serves every run of a process.
 */
public final class LabeledImages
{
    private final long[] imageShape;
    private final int pixelsPerImage;
    private final byte[] pixels;
    private final byte[] labels;
    private final int classCount;
    /** The images of this set, as indices into {@link #pixels} and {@link #labels}, ascending. */
    private final int[] members;

    /**
     * @param imageShape {@code [channels, rows, columns]}, each > 0
     * @param pixels every image's values 0–255 (read as unsigned), image after image, row-major; kept, not copied:
     *     the caller gives it up
     * @param labels one class per image, 0–255 (unsigned); kept, not copied
     */
    public LabeledImages(long[] imageShape, byte[] pixels, byte[] labels)
    {
        requireNonNull(imageShape, "imageShape is null");
        requireNonNull(pixels, "pixels is null");
        requireNonNull(labels, "labels is null");
        if (imageShape.length != 3 || Arrays.stream(imageShape).anyMatch(size -> size <= 0)) {
            throw new IllegalArgumentException("imageShape must be [channels, rows, columns] > 0, got " + Arrays.toString(imageShape));
        }
        this.imageShape = imageShape.clone();
        this.pixelsPerImage = Math.toIntExact(imageShape[0] * imageShape[1] * imageShape[2]);
        if ((long) labels.length * pixelsPerImage != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels need " + (long) labels.length * pixelsPerImage + " pixels, got "
                    + pixels.length);
        }
        this.pixels = pixels;
        this.labels = labels;
        int largest = -1;
        for (byte label : labels) {
            largest = Math.max(largest, label & 0xff);
        }
        this.classCount = largest + 1;
        this.members = new int[labels.length];
        Arrays.setAll(members, i -> i);
    }

    private LabeledImages(LabeledImages whole, int[] members)
    {
        this.imageShape = whole.imageShape;
        this.pixelsPerImage = whole.pixelsPerImage;
        this.pixels = whole.pixels;
        this.labels = whole.labels;
        this.classCount = whole.classCount;
        this.members = members;
    }

    /** The images of this set whose label is one of {@code classes}, in their order here. */
    public LabeledImages withClasses(int... classes)
    {
        boolean[] wanted = new boolean[256];
        for (int label : classes) {
            if (label < 0 || label > 255) {
                throw new IllegalArgumentException("a class is 0-255, got " + label);
            }
            wanted[label] = true;
        }
        return new LabeledImages(this, Arrays.stream(members).filter(image -> wanted[labels[image] & 0xff]).toArray());
    }

    /** How many images this set holds. */
    public int size()
    {
        return members.length;
    }

    /** {@code [channels, rows, columns]}. */
    public long[] imageShape()
    {
        return imageShape.clone();
    }

    /** The number of classes of the file the set was read from: its largest label + 1, whatever subset this is. */
    public int classCount()
    {
        return classCount;
    }

    /** The class of image {@code index} (0 ≤ index < {@link #size()}). */
    public int label(int index)
    {
        return labels[members[index]] & 0xff;
    }

    /** The fraction of this set's images in each class, {@link #classCount()} values summing to 1 (all 0 when empty). */
    public double[] classFrequencies()
    {
        double[] frequencies = new double[classCount];
        for (int image : members) {
            frequencies[labels[image] & 0xff]++;
        }
        for (int k = 0; k < classCount; k++) {
            frequencies[k] /= Math.max(1, members.length);
        }
        return frequencies;
    }

    /** Writes image {@code index}'s values, scaled to [−1, 1], into {@code out} from {@code offset} on. */
    public void scaledPixels(int index, float[] out, int offset)
    {
        int from = members[index] * pixelsPerImage;
        for (int i = 0; i < pixelsPerImage; i++) {
            out[offset + i] = scaled(pixels[from + i]);
        }
    }

    /** As {@link #scaledPixels(int, float[], int)}, in double precision. */
    public void scaledPixels(int index, double[] out, int offset)
    {
        int from = members[index] * pixelsPerImage;
        for (int i = 0; i < pixelsPerImage; i++) {
            out[offset + i] = (pixels[from + i] & 0xff) / 127.5 - 1;
        }
    }

    /**
     * The images at {@code indices}, scaled, into {@code out} of shape {@code [indices.length, channels, rows,
     * columns]} (any floating-point type). A convenience for tools; data sources on a hot path use
     * {@link #scaledPixels}.
     */
    public void images(int[] indices, INDArray out)
    {
        requireNonNull(indices, "indices is null");
        requireNonNull(out, "out is null");
        long[] expected = {indices.length, imageShape[0], imageShape[1], imageShape[2]};
        if (!Arrays.equals(out.shape(), expected)) {
            throw new IllegalArgumentException("images need shape " + Arrays.toString(expected) + ", got " + Arrays.toString(out.shape()));
        }
        double[] values = new double[indices.length * pixelsPerImage];
        for (int i = 0; i < indices.length; i++) {
            scaledPixels(indices[i], values, i * pixelsPerImage);
        }
        out.assign(Nd4j.createFromArray(values).reshape('c', expected).castTo(out.dataType()));
    }

    /** The labels of the images at {@code indices}. */
    public int[] labels(int[] indices)
    {
        return Arrays.stream(indices).map(this::label).toArray();
    }

    private static float scaled(byte pixel)
    {
        return (pixel & 0xff) / 127.5f - 1f;
    }

    @Override
    public String toString()
    {
        return size() + " images of " + Arrays.stream(imageShape).mapToObj(Long::toString).collect(Collectors.joining("x")) + ", "
                + classCount + " classes";
    }
}
