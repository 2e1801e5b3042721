package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.streams.aggregate.SloStores;
import dev.slopipeline.streams.alert.AlertComposer;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Definitions applied on the definitions topic take effect without a restart. */
class HotReloadTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final String SERVICE_KEY = "Service/storefront";
    private static final String SLO_KEY = "SLO/checkout-availability";

    private static String checkout(String objective) {
        return Shop.CHECKOUT.replace("objective: 99.9", "objective: " + objective);
    }

    private static Pipeline empty() {
        return new Pipeline(Scenarios.inMemory().withInitialDefinitions(DefinitionSet.empty()), START);
    }

    /** An hour of 1 % errors, from the given minute on. */
    private static void onePercentErrors(Pipeline pipeline, int fromMinute, int minutes) {
        for (int minute = fromMinute; minute < fromMinute + minutes; minute++) {
            Instant time = START.plus(Duration.ofMinutes(minute));
            pipeline.request(time, "checkout-api", "POST /checkout", 200, 990);
            pipeline.request(time.plusSeconds(1), "payments", "POST /charge/visa", 503, 10);
        }
    }

    @Test
    void shouldStartAlertingForAnSloAddedOnTheTopic() {
        try (Pipeline pipeline = empty()) {
            onePercentErrors(pipeline, 0, 5);
            assertThat(pipeline.counter(TopologyMetrics.UNMATCHED, "kind", "requests")).isEqualTo(10);

            pipeline.define(SERVICE_KEY, Shop.SERVICES);
            pipeline.define(SLO_KEY, checkout("99.9"));
            onePercentErrors(pipeline, 5, 5);

            assertThat(pipeline.alerts()).extracting(Alert::slo, Alert::severity)
                    .containsExactly(tuple("checkout-availability", Severity.PAGE), tuple("checkout-availability", Severity.TICKET));
        }
    }

    @Test
    void shouldJudgeAChangedObjectiveAtOnceOnTheBucketsItHas() {
        try (Pipeline pipeline = empty()) {
            pipeline.define(SERVICE_KEY, Shop.SERVICES);
            pipeline.define(SLO_KEY, checkout("99"));
            // 1 % errors are within a budget of 1 %
            onePercentErrors(pipeline, 0, 60);
            assertThat(pipeline.alerts()).isEmpty();

            pipeline.define(SLO_KEY, checkout("99.9"));
            pipeline.request(START.plus(Duration.ofMinutes(60)), "checkout-api", "POST /checkout", 200, 1);

            // against 0.1 % the same hour burns 10 times too fast: page-slow (6) holds, page-fast (14.4) does not
            List<Alert> alerts = pipeline.alerts();
            assertThat(alerts).filteredOn(a -> a.severity() == Severity.PAGE).singleElement().satisfies(page -> {
                assertThat(page.state()).isEqualTo(AlertState.FIRING);
                assertThat(page.pairs()).containsExactly("page-slow");
                assertThat(page.at()).as("judged on the change, before the next event counts").isEqualTo(START.plus(Duration.ofSeconds(59 * 60 + 1)));
                assertThat(page.burnRate().longWindow()).as("the hour before the change still counts")
                        .isCloseTo(600.0 / 60_000 / 0.001, within(1e-9));
            });
        }
    }

    @Test
    void shouldResolveTheAlertsOfARemovedSloAndDropItsState() {
        try (Pipeline pipeline = empty()) {
            pipeline.define(SERVICE_KEY, Shop.SERVICES);
            pipeline.define(SLO_KEY, checkout("99.9"));
            onePercentErrors(pipeline, 0, 10);
            List<Alert> firing = pipeline.alerts();
            pipeline.statusRecords();

            pipeline.define(SLO_KEY, null);
            pipeline.advanceWallClock(pipeline.config.evaluationInterval());

            List<Alert> resolved = pipeline.alerts();
            assertThat(resolved).extracting(Alert::state).containsOnly(AlertState.RESOLVED);
            assertThat(resolved).extracting(Alert::id).containsExactlyElementsOf(firing.stream().map(Alert::id).toList());
            assertThat(resolved).allSatisfy(alert -> assertThat(alert.annotations()).containsEntry(AlertLabels.REASON, "slo removed"));
            assertThat(pipeline.statusRecords()).as("a tombstone, and no status after it").last().satisfies(tombstone -> {
                assertThat(tombstone.key()).isEqualTo("checkout-availability");
                assertThat(tombstone.value()).isNull();
            });
            for (String store : SloStores.NAMES) {
                assertThat(pipeline.driver().getKeyValueStore(store).approximateNumEntries()).as(store).isZero();
            }

            onePercentErrors(pipeline, 10, 5);
            assertThat(pipeline.alerts()).isEmpty();
        }
    }

    @Test
    void shouldKeepTheLastGoodDefinitionsWhenTheTopicHasErrors() {
        try (Pipeline pipeline = empty()) {
            pipeline.define(SERVICE_KEY, Shop.SERVICES);
            pipeline.define(SLO_KEY, checkout("99.9"));
            pipeline.request(START, "checkout-api", "POST /checkout", 200, 1);

            pipeline.define(SLO_KEY, checkout("100"));
            onePercentErrors(pipeline, 1, 5);

            assertThat(pipeline.counter(TopologyMetrics.DEFINITIONS_REFUSED)).isEqualTo(1);
            assertThat(pipeline.meters.get(TopologyMetrics.DEFINITIONS_READ).gauge().value()).isZero();
            assertThat(pipeline.alerts()).as("99.9 is still in force").isNotEmpty();

            pipeline.define(SLO_KEY, checkout("99"));
            onePercentErrors(pipeline, 6, 60);
            assertThat(pipeline.meters.get(TopologyMetrics.DEFINITIONS_READ).gauge().value()).isEqualTo(1);
            assertThat(pipeline.alerts()).as("the fix is applied: 1 % errors against 99 %")
                    .extracting(Alert::state).containsOnly(AlertState.RESOLVED);
        }
    }

    @Test
    void shouldStartTheWindowsAgainWhenAChangeTracksOtherWindows() {
        try (Pipeline pipeline = empty()) {
            pipeline.define(SERVICE_KEY, Shop.SERVICES);
            pipeline.define(SLO_KEY, checkout("99.9"));
            onePercentErrors(pipeline, 0, 10);
            assertThat(pipeline.alerts()).isNotEmpty();

            pipeline.define(SLO_KEY, checkout("99.9") + "  alerting: {pairs: {page-fast: {longWindow: 2h, shortWindow: 10m}}}\n");
            pipeline.request(START.plus(Duration.ofMinutes(10)), "checkout-api", "POST /checkout", 200, 1000);

            assertThat(pipeline.alerts()).extracting(Alert::state).containsOnly(AlertState.RESOLVED)
                    .hasSize(2);
            pipeline.advanceWallClock(pipeline.config.statusInterval());
            assertThat(pipeline.statuses()).last().satisfies(status ->
                    assertThat(status.burnRates().get(Duration.ofHours(2))).as("only events after the change").isZero());
        }
    }
}
