package io.minimax.plugins.mlflow;

import javax.imageio.ImageIO;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What MLflow 3's {@code log_image(key=…, step=…)} writes, so that the UI's image chart shows a run's pictures with a
 * step slider: {@code images/<key, '/' as '~'>+step+<step>+timestamp+<ms>+<uuid>.png}, beside it the same name with
 * {@code +compressed.webp} (the copy the chart loads; its longer side 256 pixels), and the run tag
 * {@code mlflow.loggedImages} (the UI lists a run's {@code images/} folder only when the tag is set). The UI parses
 * the name on {@code +} (or {@code %}), so a key may not hold either.
 */
final class MlflowImages
{
    static final String FOLDER = "images";
    static final String LOGGED_IMAGES_TAG = "mlflow.loggedImages";
    /** {@code mlflow.tracking.multimedia.COMPRESSED_IMAGE_SIZE}. */
    static final int PREVIEW_SIZE = 256;

    private MlflowImages() {}

    /** One picture as MLflow names it, and its preview's name. */
    record Names(String image, String preview)
    {
    }

    static Names names(String key, long step, long timestampMillis, UUID uuid)
    {
        requireNonNull(key, "key is null");
        if (!key.matches("[a-zA-Z0-9_\\-./ ]+")) {
            throw new IllegalArgumentException("an image key may only hold letters, digits, _ - . / and spaces, got '" + key + "'");
        }
        String stem = key.replace('/', '~') + "+step+" + step + "+timestamp+" + timestampMillis + "+" + uuid;
        return new Names(stem + ".png", stem + "+compressed.webp");
    }

    /**
     * The preview of a PNG as MLflow makes it: scaled so its longer side is {@value #PREVIEW_SIZE} pixels (PIL's
     * {@code resize}, which also enlarges a smaller picture), as a lossless WebP.
     */
    static byte[] preview(Path png)
    {
        BufferedImage image;
        try {
            image = ImageIO.read(Files.newInputStream(png));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + png, e);
        }
        if (image == null) {
            throw new IllegalArgumentException(png + " is not an image ImageIO can read");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int previewWidth = width >= height ? PREVIEW_SIZE : Math.max(1, (int) ((long) width * PREVIEW_SIZE / height));
        int previewHeight = width >= height ? Math.max(1, (int) ((long) height * PREVIEW_SIZE / width)) : PREVIEW_SIZE;
        BufferedImage scaled = new BufferedImage(previewWidth, previewHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, previewWidth, previewHeight, null);
        }
        finally {
            graphics.dispose();
        }
        return LosslessWebp.encode(scaled);
    }
}
