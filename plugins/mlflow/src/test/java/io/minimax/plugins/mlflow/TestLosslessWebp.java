package io.minimax.plugins.mlflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebP encoder against libwebp's decoder (through Pillow, in the repository's {@code .venv} that the MLflow tests
 * create): grey, colour, one-pixel and odd-sized images decode to exactly their pixels.
 */
class TestLosslessWebp
{
    private static final Path PYTHON = Path.of("../../.venv/bin/python").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void libwebpDecodesEveryPixelExactly()
            throws Exception
    {
        ensurePillow();
        Random random = new Random(5);
        int[][] sizes = {{1, 1}, {7, 3}, {256, 256}, {100, 37}};
        int written = 0;
        for (int[] size : sizes) {
            for (int kind = 0; kind < 3; kind++) {
                BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        int grey = kind == 0 ? random.nextInt(256) : (x * y) % 7 * 30;
                        image.setRGB(x, y, kind == 1 ? random.nextInt(1 << 24) : grey << 16 | grey << 8 | grey);
                    }
                }
                String name = "image-" + written++;
                Files.write(temp.resolve(name + ".webp"), LosslessWebp.encode(image));
                ImageIO.write(image, "png", temp.resolve(name + ".png").toFile());
            }
        }
        String check = """
                import glob, sys
                from PIL import Image
                for webp in sorted(glob.glob(sys.argv[1] + '/*.webp')):
                    a = Image.open(webp).convert('RGB'); b = Image.open(webp[:-5] + '.png').convert('RGB')
                    print(webp.split('/')[-1], a.size == b.size and a.tobytes() == b.tobytes())
                """;
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", check, temp.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as(output).isZero();
        assertThat(output.lines()).hasSize(written).allMatch(line -> line.endsWith(" True"), output);
    }

    @Test
    void previewsAreScaledToMlflowsSizeAndNamedAsLogImageNamesThem()
            throws IOException
    {
        BufferedImage wide = new BufferedImage(466, 233, BufferedImage.TYPE_INT_RGB);
        Path png = temp.resolve("grid.png");
        ImageIO.write(wide, "png", png.toFile());
        byte[] preview = MlflowImages.preview(png);
        assertThat(new String(preview, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(preview, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WEBPVP8L");
        // VP8L header: 14 bits width - 1, 14 bits height - 1, after the signature byte
        int bits = (preview[21] & 0xff) | (preview[22] & 0xff) << 8 | (preview[23] & 0xff) << 16 | (preview[24] & 0xff) << 24;
        assertThat((bits & 0x3fff) + 1).isEqualTo(256);
        assertThat(((bits >>> 14) & 0x3fff) + 1).isEqualTo(128);

        UUID uuid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(MlflowImages.names("eval/samples", 500, 1_700_000_000_000L, uuid)).isEqualTo(new MlflowImages.Names(
                "eval~samples+step+500+timestamp+1700000000000+0f8fad5b-d9cb-469f-a165-70867728950e.png",
                "eval~samples+step+500+timestamp+1700000000000+0f8fad5b-d9cb-469f-a165-70867728950e+compressed.webp"));
    }

    /**
     * This module's tests can run before the CLI's create the repository's {@code .venv} (a fresh clone): make it, and
     * install Pillow (which MLflow brings anyway), rather than skip.
     */
    private static void ensurePillow()
            throws IOException, InterruptedException
    {
        if (runs(List.of(PYTHON.toString(), "-c", "import PIL"))) {
            return;
        }
        Path venv = PYTHON.getParent().getParent();
        if (!Files.isExecutable(PYTHON)) {
            assertThat(runs(List.of("python3", "-m", "venv", venv.toString()))).as("python3 -m venv " + venv).isTrue();
        }
        assertThat(runs(List.of(venv.resolve("bin/pip").toString(), "install", "--disable-pip-version-check", "-q", "Pillow")))
                .as("pip install Pillow into " + venv).isTrue();
    }

    private static boolean runs(List<String> command)
            throws IOException, InterruptedException
    {
        if (!Files.isExecutable(Path.of(command.get(0))) && command.get(0).startsWith("/")) {
            return false;
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(600, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
