package dev.slopipeline.ui;

import dev.slopipeline.testkafka.SharedKafka;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The set-up of a browser test class, registered as a static extension: the run's shared Kafka, and for each test
 * the pipeline under the web UI and a headless Chromium looking at it, both closed when the test ends.
 */
final class BrowserTestFixture implements BeforeAllCallback, AfterEachCallback {

    private String bootstrapServers;
    private UiPipeline pipeline;
    private ChromeDriver browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        bootstrapServers = SharedKafka.cluster(context).bootstrapServers();
    }

    /** The streams app, the router and the UI for this test; see {@link UiPipeline#start}. */
    UiPipeline startPipeline(Path dir, String name, String definitions, String routerYml, String routerToken) throws Exception {
        pipeline = UiPipeline.start(bootstrapServers, dir, name, definitions, routerYml, routerToken);
        return pipeline;
    }

    /** Opens Chromium with a profile under {@code dir} and takes the steps; see {@link BrowserSteps#run}. */
    void browse(Path dir, String failure, BrowserSteps.Steps steps) throws Exception {
        browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
        BrowserSteps.run(browser, failure, steps);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }
}
