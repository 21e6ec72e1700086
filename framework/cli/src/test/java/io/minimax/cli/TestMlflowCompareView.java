package io.minimax.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.minimax.cli.CliHarness.minimax;
import static io.minimax.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's face: {@code minimax ui} starts MLflow on journaled runs and prints the compare view of a loss
 * comparison, which a headless Chromium opens: both runs by name, and the {@code loss.type} row of the params table
 * telling them apart. Screenshots stay in {@code target/compare-view.png} and {@code target/compare-view-params.png}.
 */
@ExtendWith(MlflowTestServer.class)
class TestMlflowCompareView
{
    private static final Pattern COMPARE_URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/#/compare-runs\\S+)");

    @Test
    void uiShowsBothRunsOfALossComparison(MlflowTestServer installed, @TempDir Path temp)
            throws Exception
    {
        Path runs = temp.resolve("runs");
        Path descriptor = write(temp, "compare.yaml", TestMlflowTracking.sweep("loss-comparison", 30).replace("seed: [1, 2]", "seed: [1]"));
        assertThat(minimax("run", descriptor.toString(), "--runs-dir", runs.toString()).exitCode()).isZero();

        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String mlflow = MlflowTestServer.installed().toString();
        Thread ui = new Thread(() -> Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "ui", "--port",
                Integer.toString(port),
                "--dir", temp.resolve("mlflow").toString(), "--runs-dir", runs.toString(), "--mlflow", mlflow));
        ui.start();
        try {
            String compareUrl = awaitCompareUrl(out, err, ui);
            assertThat(out.toString()).contains("2 created", "MLflow UI: http://127.0.0.1:" + port);
            ChromeDriver browser = HeadlessChromium.start();
            try {
                browser.get(compareUrl);
                By lossTypeRow = By.xpath("//tr[th[normalize-space()='loss.type']]");
                new WebDriverWait(browser, Duration.ofSeconds(90)).until(page -> {
                    String text = page.findElement(By.tagName("body")).getText();
                    return text.contains("loss=minimax seed=1") && text.contains("loss=non-saturating seed=1")
                            && !page.findElements(lossTypeRow).isEmpty();
                });
                screenshot(browser, "compare-view.png");
                WebElement row = browser.findElement(lossTypeRow);
                assertThat(row.getText()).contains("minimax", "non-saturating");
                browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
                screenshot(browser, "compare-view-params.png");
                assertThat(browser.findElement(By.tagName("body")).getText()).contains("loss=minimax seed=1", "loss=non-saturating seed=1");
            }
            finally {
                browser.quit();
            }
        }
        finally {
            ui.interrupt();
            ui.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(ui.isAlive()).isFalse();
    }

    private static void screenshot(ChromeDriver browser, String name)
            throws java.io.IOException
    {
        Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, CliHarness.REPOSITORY.resolve("framework/cli/target").resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String awaitCompareUrl(StringWriter out, StringWriter err, Thread ui)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline && ui.isAlive()) {
            Matcher url = COMPARE_URL.matcher(out.toString());
            if (url.find()) {
                return url.group(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("minimax ui printed no compare URL:\n" + out + err);
    }
}
