package io.minimax.cli;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's {@code chromium} driven through its {@code chromedriver}, headless. The packages are installed with
 * apt-get when missing (the tests run as root on CI machines); Selenium is pointed at both binaries, so it never
 * tries to download a browser or driver of its own.
 */
final class HeadlessChromium
{
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    static ChromeDriver start()
            throws IOException
    {
        installIfMissing();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                "--window-size=1600,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static synchronized void installIfMissing()
            throws IOException
    {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        long start = System.nanoTime();
        MlflowTestServer.run(List.of("apt-get", "update", "-qq"), Duration.ofMinutes(5));
        MlflowTestServer.run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "chromium",
                "chromium-driver"), Duration.ofMinutes(10));
        System.out.printf("HeadlessChromium: installed chromium and chromium-driver in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }
}
