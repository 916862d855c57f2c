package com.halopsaconnector.settingspage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The settings page as a person uses it: by labels' fields, buttons and what is visible. */
final class SettingsPageScreen {

    /** Where the whole page's screenshots go; {@code -Dsettings-page.screenshots=docs/screenshots} refreshes the README's. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("settings-page.screenshots", "target/screenshots"));

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    SettingsPageScreen(ChromeDriver driver) {
        this.driver = driver;
        // Far beyond what the page takes (Save syncs for at most 5 s), so a slow machine is never mistaken for a broken page.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    void open(String url) {
        driver.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details")));
    }

    void type(String field, String value) {
        WebElement input = driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    String value(String field) {
        return driver.findElement(By.id(field)).getAttribute("value");
    }

    String placeholder(String field) {
        return driver.findElement(By.id(field)).getAttribute("placeholder");
    }

    void press(String buttonId) {
        driver.findElement(By.id(buttonId)).click();
    }

    void pressAndConfirm(String buttonId) {
        press(buttonId);
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Waits until the element with this id is shown and has text, and returns the text. */
    String shownText(String id) {
        return wait.until(visibleText(id));
    }

    boolean isShown(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    void waitUntil(Function<WebDriver, Boolean> condition) {
        wait.until(condition);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Function<WebDriver, String> visibleText(String id) {
        return driver -> {
            WebElement element = driver.findElement(By.id(id));
            return element.isDisplayed() && !element.getText().isBlank() ? element.getText() : null;
        };
    }
}
