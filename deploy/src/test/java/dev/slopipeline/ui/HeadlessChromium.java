package dev.slopipeline.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, driven headless. Both paths are given explicitly so that Selenium never tries
 * to download a browser or a driver, and the flags keep Chromium from reaching out to the network at all (on a
 * machine without internet it would otherwise stall on refused connections).
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** A fresh browser with its own empty profile under {@code profile}; fails saying what to install when missing. */
    static ChromeDriver start(Path profile) throws IOException {
        return start(BROWSER, DRIVER, profile);
    }

    static ChromeDriver start(Path browser, Path driver, Path profile) throws IOException {
        for (Path needed : new Path[] {browser, driver}) {
            if (!Files.isExecutable(needed)) {
                throw new AssertionError("The browser test needs Chromium and its driver, but " + needed + " is missing: "
                        + "install them (Debian/Ubuntu: apt-get install -y chromium chromium-driver), or point "
                        + "-Dchromium.binary and -Dchromedriver.binary at them");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--window-size=1280,1000", "--lang=en-US",
                "--user-data-dir=" + Files.createDirectories(profile).toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver chromium = new ChromeDriver(service, options);
        chromium.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chromium;
    }
}
