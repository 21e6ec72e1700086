package io.minimax.cli;

import io.minimax.testkit.FashionMnistPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Run;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.runDirectories;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short GAN on real Fashion-MNIST images (two classes, MLPs, 40 steps): sample grids in the journal at every
 * evaluation and from {@code minimax sample}, and in MLflow as images the UI's chart view shows with a step slider,
 * checked in a headless Chromium. The screenshot stays in {@code target/image-grid.png}.
 */
@ExtendWith(MlflowTestServer.class)
class TestImageRuns
{
    /** 8 cells of 28 pixels drawn twice as large, with 2 pixels between them and around. */
    private static final int GRID_SIDE = 8 * (2 * 28 + 2) + 2;
    /** MLflow's preview, the copy the chart loads: the longer side 256 pixels. */
    private static final int PREVIEW_SIDE = 256;
    private static final Pattern IMAGE_NAME = Pattern.compile("images/samples\\+step\\+(0|20|40)\\+timestamp\\+\\d+\\+[0-9a-f-]{36}(\\.png"
            + "|\\+compressed\\.webp)");

    @TempDir
    static Path temp;
    private static Path run;

    static String descriptor(String name)
    {
        return """
                name: %s
                seed: 3
                train: { steps: 40, batchSize: 16, logEvery: 10, evalEvery: 20 }
                data: { type: fashion-mnist, path: %s, classes: [1, 7] }
                prior: { type: gaussian, dim: 8 }
                loss: { type: non-saturating }
                generator: { type: mlp, hidden: [32], activation: relu, outputActivation: tanh }
                discriminator: { type: mlp, hidden: [32], activation: leaky-relu, leak: 0.2 }
                optimizer:
                  generator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
                  discriminator: { type: adam, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }
                """.formatted(name, FashionMnistPackage.folder());
    }

    @BeforeAll
    static void train()
            throws IOException
    {
        Path runs = temp.resolve("runs");
        CliHarness.Result result = minimax("run", write(temp, "images.yaml", descriptor("image-grid")).toString(), "--runs-dir",
                runs.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        run = runDirectories(runs, "image-grid").get(0);
    }

    @Test
    void theStartAndEveryEvaluationWriteAnEightByEightGridAndTheEndAGridOfRealImages()
            throws IOException
    {
        for (String name : List.of("samples-step-000000.png", "samples-step-000020.png", "samples-step-000040.png", "samples-real.png")) {
            BufferedImage grid = ImageIO.read(run.resolve("artifacts").resolve(name).toFile());
            assertThat(grid).as(name).isNotNull();
            assertThat(grid.getWidth()).as(name).isEqualTo(GRID_SIDE);
            assertThat(grid.getHeight()).as(name).isEqualTo(GRID_SIDE);
        }
        assertThat(run.resolve("artifacts/samples-final.csv")).doesNotExist();
    }

    @Test
    void sampleWritesAGridOfTheTrainedGenerator()
            throws IOException
    {
        Path first = temp.resolve("grid.png");
        CliHarness.Result result = minimax("sample", run.toString(), "--n", "16", "--seed", "2", "--out", first.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        BufferedImage grid = ImageIO.read(first.toFile());
        assertThat(grid.getWidth()).isEqualTo(4 * 58 + 2);
        assertThat(grid.getHeight()).isEqualTo(4 * 58 + 2);
        Path again = temp.resolve("again.png");
        assertThat(minimax("sample", run.toString(), "--n", "16", "--seed", "2", "--out", again.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(first));

        CliHarness.Result tooMany = minimax("sample", run.toString(), "--n", "1025", "--out", temp.resolve("big.png").toString());
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err().strip())
                .isEqualTo("minimax: sample: a grid PNG shows at most 1024 images, not 1025; write a .csv for more");
    }

    @Test
    void aMissingDataSetIsOneLineNamingThePackage()
            throws IOException
    {
        String text = descriptor("missing").replace("path: " + FashionMnistPackage.folder(), "path: " + temp.resolve("nowhere"));
        CliHarness.Result result = minimax("run", write(temp, "missing.yaml", text).toString(), "--runs-dir",
                temp.resolve("none").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("data.path: " + temp.resolve("nowhere/train-images-idx3-ubyte.gz")
                + " does not exist: apt-get install dataset-fashion-mnist");
    }

    @Test
    void mlflowShowsTheGridsAsImagesWithAStepSlider(MlflowTestServer server)
            throws Exception
    {
        Path runs = temp.resolve("tracked");
        CliHarness.Result result = minimax("run", write(temp, "tracked.yaml", descriptor("image-grid-mlflow")).toString(), "--runs-dir",
                runs.toString(), "--tracking-uri", server.uri());
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            Run remote = mlflow.runs("image-grid-mlflow").get(0);
            assertThat(MlflowReader.tags(remote)).containsEntry("mlflow.loggedImages", "True");
            Map<String, Long> images = mlflow.artifacts(remote.getInfo().getRunId(), "images");
            // steps 0 (the untrained G), 20 and 40, each a PNG and its preview
            assertThat(images).hasSize(6);
            assertThat(images.keySet()).allMatch(name -> IMAGE_NAME.matcher(name).matches(), "named as log_image names them");
            assertThat(mlflow.artifacts(remote.getInfo().getRunId(), "")).containsKeys("samples-step-000000.png",
                    "samples-step-000020.png", "samples-step-000040.png", "samples-real.png");

            String page = server.uri() + "/#/experiments/" + remote.getInfo().getExperimentId() + "/runs/" + remote.getInfo().getRunId()
                    + "/model-metrics";
            ChromeDriver browser = HeadlessChromium.start();
            try {
                browser.get(page);
                // the page draws only the charts in view: the search box brings the image chart to the top
                By search = By.xpath("//input[@placeholder='Search metric charts']");
                new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> !driver.findElements(search).isEmpty());
                browser.findElement(search).sendKeys("samples");
                // the image chart of the series, with its step slider: drawn only when the UI found the tag and parsed the names
                By slider = By.cssSelector("[role='slider']");
                new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> !driver.findElements(slider).isEmpty());
                assertThat(browser.findElement(By.tagName("body")).getText()).contains("samples");
                // the slider opens at the first step, where the untrained G's grid is; the arrow keys step from mark to mark
                for (long step : new long[] {0, 20, 40}) {
                    if (step > 0) {
                        browser.findElement(slider).sendKeys(Keys.ARROW_RIGHT);
                    }
                    assertThat(awaitShownImage(browser, step)).as("step %d", step).isEqualTo(PREVIEW_SIDE);
                }
                // what the chart loads for a step, fetched as the chart fetches it: the preview WebP decodes to 256 pixels
                for (String name : images.keySet()) {
                    long expected = name.endsWith(".webp") ? PREVIEW_SIDE : GRID_SIDE;
                    assertThat(decodedWidth(browser, "get-artifact?path=" + name.replace("+", "%2B") + "&run_uuid="
                            + remote.getInfo().getRunId())).as(name).isEqualTo(expected);
                }
            }
            finally {
                // also when the wait failed: the screenshot shows what the page had instead
                Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(screenshot, CliHarness.REPOSITORY.resolve("framework/cli/target/image-grid.png"),
                        StandardCopyOption.REPLACE_EXISTING);
                browser.quit();
            }
        }
    }

    /**
     * Waits until the page shows the {@code samples} image of {@code step} as an {@code <img>} the browser has loaded;
     * returns its decoded width, or fails naming the images the page shows instead.
     */
    static long awaitShownImage(ChromeDriver browser, long step)
    {
        return awaitShownImages(browser, step, 1).get(0);
    }

    /**
     * Waits until the page shows {@code count} {@code <img>} of the {@code samples} image of {@code step} (one per
     * run), loaded by the browser; returns their decoded widths, or fails naming the images the page shows instead.
     */
    static List<Long> awaitShownImages(ChromeDriver browser, long step, int count)
    {
        String name = "images/samples+step+" + step + "+";
        List<String> shown = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            shown = shownImages(browser);
            List<Long> widths = shown.stream().filter(image -> image.contains(name))
                    .map(image -> Long.parseLong(image.substring(image.lastIndexOf(' ') + 1))).filter(width -> width > 0).toList();
            if (widths.size() >= count) {
                return widths;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError(count + " loaded <img> of " + name + "… expected within 60 s; the page shows " + shown);
    }

    /** Every {@code <img>} of an artifact under {@code images/}: its decoded source and width (0 until loaded, or broken). */
    static List<String> shownImages(ChromeDriver browser)
    {
        Object shown = browser.executeScript("return Array.from(document.images)"
                + ".map(image => decodeURIComponent(image.src) + ' ' + (image.complete ? image.naturalWidth : 0))"
                + ".filter(image => image.includes('images/'));");
        return ((List<?>) shown).stream().map(String::valueOf).toList();
    }

    private static void sleep(Duration duration)
    {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * A run trained without MLflow and sent by {@code minimax sync} has the images a run streamed live has (the same
     * seed draws the same grids: the same steps, the same sizes; only timestamps and uuids differ), a second sync after
     * the journal forgot the mirror sends none twice, and the experiment's chart view shows both runs' grids side by
     * side at the first and the last step.
     */
    @Test
    void syncSendsTheGridsAsImagesAsALiveRunDoes(MlflowTestServer server)
            throws Exception
    {
        Path descriptor = write(temp, "synced.yaml", descriptor("image-grid-synced"));
        CliHarness.Result live = minimax("run", descriptor.toString(), "--runs-dir", temp.resolve("live").toString(), "--tracking-uri",
                server.uri());
        assertThat(live.exitCode()).as(live.err()).isZero();
        Path journalOnly = temp.resolve("journal-only");
        assertThat(minimax("run", descriptor.toString(), "--runs-dir", journalOnly.toString()).exitCode()).isZero();
        Path synced = runDirectories(journalOnly, "image-grid-synced").get(0);
        CliHarness.Result sync = minimax("sync", "--runs-dir", journalOnly.toString(), "--tracking-uri", server.uri());
        assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).contains("1 created");

        try (MlflowReader mlflow = new MlflowReader(server.uri())) {
            List<Run> runs = mlflow.runs("image-grid-synced");
            assertThat(runs).hasSize(2);
            Run syncedRun = runs.stream().filter(run -> synced.getFileName().toString().equals(MlflowReader.tags(run).get("minimax.runId")))
                    .findFirst().orElseThrow();
            Run liveRun = runs.stream().filter(run -> run != syncedRun).findFirst().orElseThrow();
            Map<String, Long> syncedImages = mlflow.artifacts(syncedRun.getInfo().getRunId(), "images");
            assertThat(syncedImages).hasSize(6);
            assertThat(syncedImages.keySet()).allMatch(name -> IMAGE_NAME.matcher(name).matches(), "named as log_image names them");
            assertThat(MlflowReader.tags(syncedRun)).containsEntry("mlflow.loggedImages", "True");
            assertThat(bySeriesAndStep(syncedImages)).isEqualTo(bySeriesAndStep(mlflow.artifacts(liveRun.getInfo().getRunId(), "images")));

            // forgotten mirror: the run is looked at again, and its images are found there
            Files.delete(synced.resolve("mirrors.json"));
            CliHarness.Result again = minimax("sync", "--runs-dir", journalOnly.toString(), "--tracking-uri", server.uri());
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(mlflow.artifacts(syncedRun.getInfo().getRunId(), "images")).isEqualTo(syncedImages);

            ChromeDriver browser = HeadlessChromium.start();
            try {
                browser.get(server.uri() + "/#/experiments/" + syncedRun.getInfo().getExperimentId() + "/runs?compareRunsMode=CHART");
                By search = By.xpath("//input[@placeholder='Search metric charts']");
                new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> !driver.findElements(search).isEmpty());
                browser.findElement(search).sendKeys("samples");
                By slider = By.cssSelector("[role='slider']");
                new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> !driver.findElements(slider).isEmpty());
                assertThat(awaitShownImages(browser, 0, 2)).containsOnly((long) PREVIEW_SIDE);
                browser.findElement(slider).sendKeys(Keys.ARROW_RIGHT);
                browser.findElement(slider).sendKeys(Keys.ARROW_RIGHT);
                assertThat(awaitShownImages(browser, 40, 2)).containsOnly((long) PREVIEW_SIDE);
            }
            finally {
                Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(screenshot, CliHarness.REPOSITORY.resolve("framework/cli/target/image-grid-synced.png"),
                        StandardCopyOption.REPLACE_EXISTING);
                browser.quit();
            }
        }
    }

    /** {@code "step 20 png" → size}: an image listing without the timestamps and uuids that tell two loggings apart. */
    private static Map<String, Long> bySeriesAndStep(Map<String, Long> images)
    {
        Map<String, Long> shape = new TreeMap<>();
        images.forEach((name, size) -> {
            Matcher matcher = IMAGE_NAME.matcher(name);
            assertThat(matcher.matches()).as(name).isTrue();
            shape.put("step " + matcher.group(1) + (name.endsWith(".webp") ? " webp" : " png"), size);
        });
        return shape;
    }

    /** The width of the image at {@code url} (relative to the page) as the browser decodes it, 0 when it cannot. */
    private static long decodedWidth(ChromeDriver browser, String url)
    {
        Object width = browser.executeAsyncScript("const done = arguments[arguments.length - 1]; const image = new Image();"
                + " image.onload = () => done(image.naturalWidth); image.onerror = () => done(0); image.src = arguments[0];", url);
        return width instanceof Number number ? number.longValue() : 0;
    }
}
