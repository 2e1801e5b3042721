package dev.slopipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.event.RequestEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An SLO split by region in a real headless Chromium, against the whole pipeline on an embedded broker: the SLO
 * list shows each region as a series of its own, and a series' page shows that series alone, its labels in its name
 * and its own figures, alerts and charts.
 */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SplitSloBrowserTest {

    private static final String SLO = "checkout-by-region";
    private static final String EU_WEST = SLO + "{region=\"eu-west\"}";
    private static final String AP_SOUTH = SLO + "{region=\"ap-south\"}";
    private static final String US_EAST = SLO + "{region=\"us-east\"}";
    private static final String DEFINITIONS = """
            apiVersion: slo-pipeline/v1
            kind: Service
            metadata: {name: shop}
            spec: {owner: team-payments, tier: 1}
            ---
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: checkout-by-region}
            spec:
              service: shop
              journey: checkout
              indicator:
                match: [{service: checkout-api, operation: "POST /checkout"}]
                good: {status: {below: 500}}
              objective: 99.9
              window: 30d
              groupBy: [region]
            """;
    private static final String ROUTER_YML = """
            route: {receiver: tickets}
            receivers: [{name: tickets}]
            """;

    @RegisterExtension
    static final BrowserTestFixture FIXTURE = new BrowserTestFixture();

    @TempDir
    Path dir;

    private UiPipeline pipeline;

    @Test
    void shouldListEachRegionAsASeriesAndShowOneSeriesOnItsOwnPage() throws Exception {
        pipeline = FIXTURE.startPipeline(dir, "ui-split-test", DEFINITIONS, ROUTER_YML, "ui-split-test-token");
        pipeline.send(traffic());
        FIXTURE.browse(dir, "ui-split-failure", this::lookAtTheRegions);
    }

    private void lookAtTheRegions(BrowserSteps page) throws Exception {
        page.open(pipeline.uiUrl().toString());

        // the SLO list: one row per region, least budget left first, only the failing region paging
        String rows = "#slos tr[data-slo='" + SLO + "']";
        page.await(row(EU_WEST) + "[data-status='page']");
        page.await(row(US_EAST) + "[data-status='ok']");
        page.await(row(AP_SOUTH) + "[data-status='ok']");
        assertThat(page.attributes(rows, "data-series")).containsExactly(EU_WEST, AP_SOUTH, US_EAST);
        // eu-west: 1800 bad of 2 880 000 against a budget of 2880; ap-south: 1440 bad; us-east: none
        assertThat(budget(page, EU_WEST)).isCloseTo(0.375, within(0.001));
        assertThat(budget(page, AP_SOUTH)).isCloseTo(0.5, within(0.001));
        assertThat(budget(page, US_EAST)).isCloseTo(1.0, within(0.001));
        assertThat(page.text(row(AP_SOUTH) + " .slo-link")).isEqualTo(AP_SOUTH);

        // the split SLO's own page: every series with its figures, and the one that fires
        page.open(pipeline.uiUrl() + "#/slo/" + SLO);
        page.waiting().until(ExpectedConditions.attributeToBe(By.id("slo-view"), "data-status", "page"));
        assertThat(page.attributes("#slo-figures .series", "data-series")).containsExactly(EU_WEST, AP_SOUTH, US_EAST);
        assertThat(page.text("#slo-about")).contains("split into 3 series");
        assertThat(page.text(".series[data-series='" + AP_SOUTH.replace("\"", "\\\"") + "'] dd")).contains("SLI 99.950 %", "budget left 50.0 %");
        assertThat(page.attributes("#slo-alerts li[data-state='firing']", "data-series")).containsExactly(EU_WEST);

        // a series' own page: its name with its labels, its figures, its alert, its history
        page.open(pipeline.uiUrl().toString());
        page.click(row(EU_WEST) + " a.slo-link");
        page.waiting().until(ExpectedConditions.attributeToBe(By.id("slo-view"), "data-status", "page"));
        assertThat(page.text("#slo-name")).isEqualTo(EU_WEST);
        assertThat(page.text("#figure-objective")).contains("99.9 %");
        assertThat(page.text("#figure-budget")).contains("37.5 %");
        assertThat(page.text("#figure-sli")).containsPattern("99\\.93[78] %");
        page.await("#slo-alerts li[data-severity='page'][data-state='firing']");
        page.await("#burn-rates tr[data-pair='page-fast'][data-holds='true']");
        assertThat(Integer.parseInt(page.attribute("#sli-chart", "data-points"))).as("points of the series' history").isGreaterThan(1);
        page.saveScreenshot(Path.of("target", "ui-split-series-screenshot.png"));

        // and a healthy series' page is that series' alone
        page.open(pipeline.uiUrl().toString());
        page.click(row(US_EAST) + " a.slo-link");
        page.waiting().until(ExpectedConditions.attributeToBe(By.id("slo-view"), "data-status", "ok"));
        assertThat(page.text("#slo-name")).isEqualTo(US_EAST);
        assertThat(page.text("#figure-budget")).contains("100.0 %");
        assertThat(page.text("#figure-sli")).contains("100.000 %");
        assertThat(page.browser().findElements(By.cssSelector("#slo-alerts li[data-state='firing']"))).isEmpty();
    }

    private static String row(String series) {
        return "#slos tr[data-series='" + series.replace("\"", "\\\"") + "']";
    }

    private static double budget(BrowserSteps page, String series) {
        double budget = Double.parseDouble(page.attribute(row(series), "data-budget"));
        assertThat(page.text(row(series) + " .budget-remaining")).isEqualTo(String.format(Locale.ROOT, "%.1f %%", budget * 100));
        return budget;
    }

    /**
     * Two days of checkouts in three regions: eu-west fails at 12 % in the last quarter hour, ap-south fails one
     * checkout every other minute throughout (half its budget), us-east never fails.
     */
    private static List<RequestEvent> traffic() {
        return MinuteTraffic.of(checkouts("eu-west", MinuteTraffic.OUTAGE), checkouts("ap-south", minute -> minute % 2),
                checkouts("us-east", MinuteTraffic.HEALTHY));
    }

    private static MinuteTraffic.Requests checkouts(String region, IntUnaryOperator failing) {
        return new MinuteTraffic.Requests("checkout-api", "POST /checkout", Map.of("region", region), failing);
    }
}
