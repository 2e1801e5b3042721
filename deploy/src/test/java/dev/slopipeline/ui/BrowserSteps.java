package dev.slopipeline.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a user does on the page, each step waiting for it to be possible. The page refreshes itself, so elements are
 * looked up afresh at each step rather than kept.
 */
final class BrowserSteps {

    static final Duration WAIT = Duration.ofSeconds(90);

    private final ChromeDriver browser;
    private final WebDriverWait wait;

    BrowserSteps(ChromeDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(250));
    }

    /** A user's steps on the page; when one fails, what the browser showed is saved as {@code failure}.png and .html. */
    static void run(ChromeDriver browser, String failure, Steps steps) throws Exception {
        try {
            steps.on(new BrowserSteps(browser));
        } catch (AssertionError | RuntimeException e) {
            new BrowserSteps(browser).saveScreenshot(Path.of("target", failure + ".png"));
            Files.writeString(Path.of("target", failure + ".html"), browser.getPageSource());
            throw e;
        }
    }

    @FunctionalInterface
    interface Steps {
        void on(BrowserSteps page) throws Exception;
    }

    ChromeDriver browser() {
        return browser;
    }

    WebDriverWait waiting() {
        return wait;
    }

    void open(String url) {
        browser.get(url);
    }

    void await(String css) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    void click(String css) {
        wait.until(driver -> fresh(() -> {
            driver.findElement(By.cssSelector(css)).click();
            return true;
        }));
    }

    String text(String css) {
        return wait.until(driver -> fresh(() -> driver.findElement(By.cssSelector(css)).getText()));
    }

    String attribute(String css, String name) {
        return wait.until(driver -> fresh(() -> driver.findElement(By.cssSelector(css)).getDomAttribute(name)));
    }

    /** One attribute of every element the selector finds, in page order. */
    List<String> attributes(String css, String name) {
        return wait.until(driver -> fresh(() -> driver.findElements(By.cssSelector(css)).stream()
                .map(element -> element.getDomAttribute(name)).toList()));
    }

    void saveScreenshot(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The value, or null (wait again) when the page replaced the element while it was being read. */
    private static <T> T fresh(Supplier<T> read) {
        try {
            return read.get();
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return null;
        }
    }
}
