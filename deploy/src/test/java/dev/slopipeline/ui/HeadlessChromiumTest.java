package dev.slopipeline.ui;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Chromium the browser test fails, saying what to install, rather than being skipped. */
class HeadlessChromiumTest {

    @TempDir
    Path dir;

    @Test
    void shouldSayWhatToInstallWhenTheBrowserIsMissing() {
        Path missing = dir.resolve("no-chromium-here");
        assertThatThrownBy(() -> HeadlessChromium.start(missing, HeadlessChromium.DRIVER, dir.resolve("profile")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(missing.toString() + " is missing")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }
}
