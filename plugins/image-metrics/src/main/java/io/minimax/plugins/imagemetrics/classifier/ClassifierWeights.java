package io.minimax.plugins.imagemetrics.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The classifier's weights on disk, in the checkpoint format's style: {@code NAME.bin} holds the parameter vector as raw
 * little-endian float32 ({@code np.fromfile("NAME.bin", "<f4")} reads it), {@code NAME.json} beside it a manifest
 * with the architecture, the vector's length and SHA-256, the training settings, the test accuracy and the training
 * time. The weights Minimax ships are the resource {@value #SHIPPED}.bin in this package.
 */
public final class ClassifierWeights
{
    public static final String SHIPPED = "fashion-mnist-classifier";

    private ClassifierWeights() {}

    /** The classifier trained by {@code minimax classifier train} with its default settings, shipped in this jar. */
    public static FashionMnistClassifier shipped()
    {
        try (InputStream in = ClassifierWeights.class.getResourceAsStream(SHIPPED + ".bin")) {
            if (in == null) {
                throw new IllegalStateException("the classifier's weights " + SHIPPED + ".bin are missing from the classpath");
            }
            return FashionMnistClassifier.of(floats(in.readAllBytes(), SHIPPED + ".bin"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads weights written by {@link #write}; a file of the wrong length is an error naming it. */
    public static FashionMnistClassifier read(Path bin)
            throws IOException
    {
        return FashionMnistClassifier.of(floats(Files.readAllBytes(bin), bin.toString()));
    }

    /** Writes {@code bin} and its manifest ({@code bin} with {@code .json} for {@code .bin}). */
    public static void write(Path bin, ClassifierTraining.Settings settings, ClassifierTraining.Result result, double testAccuracy)
            throws IOException
    {
        float[] parameters = result.classifier().parameters();
        ByteBuffer bytes = ByteBuffer.allocate(parameters.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(parameters);
        Files.write(bin, bytes.array());
        String manifest = String.format(Locale.ROOT, """
                {
                  "format": 1,
                  "file": "%s",
                  "dtype": "<f4",
                  "shape": [%d],
                  "sha256": "%s",
                  "architecture": [%s],
                  "layout": "layers in order; conv W[F, C, k, k] then b[F]; dense W[in, out] then b[out]",
                  "inputScale": "pixels p / 127.5 - 1, [1, 28, 28]",
                  "training": {"dataset": "fashion-mnist", "split": "train", "images": %d, "epochs": %d, "batchSize": %d,
                    "loss": "softmax cross-entropy", "optimizer": "adam", "learningRate": %s, "beta1": 0.9, "beta2": 0.999,
                    "epsilon": 1e-8, "seed": %d, "threads": 1, "meanLossPerEpoch": [%s]},
                  "testAccuracy": %s,
                  "trainingSeconds": %.1f
                }
                """, bin.getFileName(), parameters.length, sha256(bytes.array()),
                FashionMnistClassifier.ARCHITECTURE.stream().map(layer -> '"' + layer + '"').collect(Collectors.joining(", ")),
                result.images(), settings.epochs(), settings.batchSize(), settings.learningRate(), settings.seed(),
                java.util.Arrays.stream(result.meanLoss()).mapToObj(loss -> String.format(Locale.ROOT, "%.6f", loss))
                        .collect(Collectors.joining(", ")),
                testAccuracy, result.seconds());
        Files.writeString(manifestOf(bin), manifest);
    }

    public static Path manifestOf(Path bin)
    {
        String name = bin.getFileName().toString();
        String stem = name.endsWith(".bin") ? name.substring(0, name.length() - 4) : name;
        return bin.resolveSibling(stem + ".json");
    }

    private static float[] floats(byte[] bytes, String name)
    {
        long expected = FashionMnistClassifier.parameterCount() * Float.BYTES;
        if (bytes.length != expected) {
            throw new IllegalArgumentException(name + ": " + bytes.length + " bytes, but the classifier's "
                    + FashionMnistClassifier.parameterCount() + " float32 parameters take " + expected);
        }
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static String sha256(byte[] bytes)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
