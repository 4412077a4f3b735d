package io.halcyon.launcher.host;

import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, as the browser tests use it, and the folder
 * their screenshots go to (target/screenshots). Outside CI a machine without the packages skips the tests;
 * in CI ({@code CI=true}) they must be there (.ci/run installs them), so a missing one fails instead.
 */
final class HeadlessChromium {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");

    private HeadlessChromium() {}

    static void assumeInstalled() {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)",
                ci || Files.isExecutable(CHROMEDRIVER));
    }

    static WebDriver start() {
        ChromeOptions options = new ChromeOptions().addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1280,1400");
        if (Files.isExecutable(CHROMIUM)) {
            options.setBinary(CHROMIUM.toFile());
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static void screenshot(WebDriver browser, String name) throws IOException {
        Path folder = Files.createDirectories(HostProcess.HOME.resolve("screenshots"));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
