package io.minimax.plugins.mlflow;

import javax.imageio.ImageIO;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final String PREVIEW_SUFFIX = "+compressed.webp";
    private static final Pattern STORED = Pattern.compile("(?<key>[^+%/]+)\\+step\\+(?<step>\\d+)\\+timestamp\\+\\d+\\+[^+%/]+");

    private MlflowImages() {}

    /** One picture as MLflow names it, and its preview's name. */
    record Names(String image, String preview)
    {
    }

    /** A picture MLflow holds: the stem of its name ({@code <key>+step+<step>+timestamp+<ms>+<uuid>}), and which files it has. */
    record Stored(String key, long step, String stem, boolean image, boolean preview)
    {
        boolean complete()
        {
            return image && preview;
        }
    }

    /**
     * The pictures among the names of a run's {@value #FOLDER} folder (without the folder), by stem, as the UI
     * pairs a PNG with its preview; names that are not MLflow's are left out.
     */
    static Map<String, Stored> stored(Collection<String> fileNames)
    {
        Map<String, Stored> stored = new LinkedHashMap<>();
        for (String name : fileNames) {
            boolean preview = name.endsWith(PREVIEW_SUFFIX);
            String stem = preview ? name.substring(0, name.length() - PREVIEW_SUFFIX.length())
                    : name.endsWith(".png") ? name.substring(0, name.length() - ".png".length()) : null;
            Matcher matcher = stem == null ? null : STORED.matcher(stem);
            if (matcher == null || !matcher.matches()) {
                continue;
            }
            Stored known = stored.getOrDefault(stem,
                    new Stored(matcher.group("key").replace('~', '/'), Long.parseLong(matcher.group("step")), stem, false, false));
            stored.put(stem, new Stored(known.key(), known.step(), stem, known.image() || !preview, known.preview() || preview));
        }
        return stored;
    }

    static String previewName(String stem)
    {
        return stem + PREVIEW_SUFFIX;
    }

    static Names names(String key, long step, long timestampMillis, UUID uuid)
    {
        requireNonNull(key, "key is null");
        if (!key.matches("[a-zA-Z0-9_\\-./ ]+")) {
            throw new IllegalArgumentException("an image key may only hold letters, digits, _ - . / and spaces, got '" + key + "'");
        }
        String stem = key.replace('/', '~') + "+step+" + step + "+timestamp+" + timestampMillis + "+" + uuid;
        return new Names(stem + ".png", stem + PREVIEW_SUFFIX);
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
