package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven by its {@code chromedriver}, headless, with a profile of its own
 * and no background traffic. Both binaries are named explicitly so that Selenium never tries to
 * download a browser or driver. A browser that cannot start fails the test: it is never skipped.
 */
public final class HeadlessChromium {

    static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The browser test needs " + BROWSER + " and " + DRIVER
                    + ": apt-get install chromium chromium-driver (.ci/run does this when they are missing)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,1400", "--user-data-dir=" + freshProfile());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String freshProfile() {
        try {
            return Files.createTempDirectory("chromium-profile-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
