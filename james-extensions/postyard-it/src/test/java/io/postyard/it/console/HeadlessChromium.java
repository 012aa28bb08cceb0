package io.postyard.it.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the console's tests: the {@code chromium} and {@code chromium-driver} packages from apt, given to
 * Selenium by path so that it downloads nothing. Screenshots go to {@code target/console-screenshots} (kept by CI as
 * artefacts), and to {@code docs/console} when {@code postyard.console.screenshots.docs} names that folder.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final String CHROMIUM = System.getProperty("postyard.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("postyard.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path screenshots;

    public HeadlessChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000",
            "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.screenshots = Path.of("target", "console-screenshots");
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves what the browser shows now as {@code name.png}. */
    public void screenshot(String name) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        try {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(name + ".png"), png);
            String docs = System.getProperty("postyard.console.screenshots.docs");
            if (docs != null && !docs.isBlank()) {
                Files.createDirectories(Path.of(docs));
                Files.write(Path.of(docs, name + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
