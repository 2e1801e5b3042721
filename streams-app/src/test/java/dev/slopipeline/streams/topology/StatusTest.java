package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.streams.evaluate.SeverityStatus;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import dev.slopipeline.streams.status.StatusRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.streams.aggregate.SloStores;
import dev.slopipeline.streams.status.HistoryCodec;
import dev.slopipeline.streams.status.PairStatus;
import dev.slopipeline.streams.status.StatusCodec;
import dev.slopipeline.streams.status.WindowCounts;
import dev.slopipeline.streams.store.SloKeyspace;
import dev.slopipeline.streams.window.SloWindows;
import dev.slopipeline.streams.window.WindowParts;

/** The status topic, and the window behaviour it makes visible: grace, late events, calendar periods. */
class StatusTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:05:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static StatusRecord latest(Pipeline pipeline) {
        pipeline.advanceWallClock(pipeline.config.statusInterval());
        List<StatusRecord> statuses = pipeline.statuses();
        assertThat(statuses).isNotEmpty();
        return statuses.get(statuses.size() - 1);
    }

    @Test
    void shouldPublishWhereTheSloStands() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), T0, Shop.folder(Shop.CHECKOUT))) {
            pipeline.request(T0, "checkout-api", "POST /checkout", 200, 990);
            pipeline.request(T0.plusSeconds(1), "payments", "POST /charge/visa", 503, 10);

            StatusRecord status = latest(pipeline);

            assertThat(status.slo()).isEqualTo("checkout-availability");
            assertThat(status.service()).isEqualTo("storefront");
            assertThat(status.journey()).isEqualTo("checkout");
            assertThat(status.asOf()).isEqualTo(T0.plusSeconds(1));
            assertThat(status.objectivePercent()).isEqualTo(99.9);
            assertThat(status.window()).isEqualTo(new SloWindow.Rolling(Duration.ofDays(30)));
            assertThat(status.sli()).hasValue(0.99);
            // 1 % errors against a budget of 0.1 %: every window burns 10 times too fast
            assertThat(status.burnRates()).containsOnlyKeys(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1),
                    Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(30));
            assertThat(status.burnRates().values()).allSatisfy(rate -> assertThat(rate).isCloseTo(10, within(1e-9)));
            assertThat(status.budgetRemaining()).isCloseTo(1 - 10, within(1e-9));
            // 1 % is above page-slow's 0.6 % but below page-fast's 1.44 %, and above both tickets'
            assertThat(status.alerts()).containsOnlyKeys(Severity.PAGE, Severity.TICKET)
                    .containsEntry(Severity.PAGE, new SeverityStatus.Firing(T0.plusSeconds(1), List.of("page-slow")))
                    .containsEntry(Severity.TICKET, new SeverityStatus.Firing(T0.plusSeconds(1), List.of("ticket-fast", "ticket-slow")));
            assertThat(status.lateEvents()).isZero();
        }
    }

    @Test
    void shouldPublishAnSloAtMostOncePerStatusInterval() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), T0, Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            for (int i = 0; i < 100; i++) {
                pipeline.request(T0.plusMillis(10L * i), "checkout-api", "POST /checkout", 200, 1);
            }
            pipeline.advanceWallClock(Duration.ofSeconds(5));
            pipeline.request(T0.plusSeconds(2), "checkout-api", "POST /checkout", 200, 1);
            pipeline.advanceWallClock(Duration.ofSeconds(2));

            assertThat(pipeline.statusRecords()).hasSize(1);

            pipeline.advanceWallClock(Duration.ofSeconds(3));
            assertThat(pipeline.statusRecords()).as("the next interval").hasSize(1);
        }
    }

    @Test
    void shouldCountAnEventWithinTheGraceInItsMinuteAndALaterOneAsLate() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), T0, Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            pipeline.request(T0, "checkout-api", "POST /checkout", 200, 100);
            pipeline.request(T0.plusSeconds(90), "checkout-api", "POST /checkout", 200, 100);

            // the watermark is 10:06; the grace of 2 minutes keeps 10:04 open, and 10:04 is in the last 5 minutes
            pipeline.request(Instant.parse("2026-03-02T10:04:50Z"), "payments", "POST /charge/visa", 503, 10);
            StatusRecord withinGrace = latest(pipeline);
            // 10:03 is closed: late, not counted
            pipeline.request(Instant.parse("2026-03-02T10:03:59Z"), "payments", "POST /charge/visa", 503, 7);
            StatusRecord afterLate = latest(pipeline);

            assertThat(withinGrace.burnRates().get(FIVE_MINUTES)).isCloseTo(10.0 / 210 / 0.001, within(1e-9));
            assertThat(afterLate.burnRates().get(FIVE_MINUTES)).isEqualTo(withinGrace.burnRates().get(FIVE_MINUTES));
            assertThat(afterLate.lateEvents()).isEqualTo(7);
            assertThat(pipeline.counter(TopologyMetrics.LATE, "slo", "checkout-availability")).isEqualTo(7);
        }
    }

    @Test
    void shouldResetACalendarBudgetAtMidnightInTheSlosZone() {
        String monthly = Shop.CHECKOUT.replace("window: 30d", "window: {calendar: month, timeZone: Europe/Berlin}");
        // summer time began on 29 March: April starts in Berlin at 22:00 UTC
        Instant lateMarch = Instant.parse("2026-03-31T21:50:00Z");
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), lateMarch, Shop.folder(monthly))) {
            pipeline.request(lateMarch, "checkout-api", "POST /checkout", 200, 995);
            pipeline.request(lateMarch.plusSeconds(1), "payments", "POST /charge/visa", 503, 5);
            StatusRecord march = latest(pipeline);
            pipeline.request(Instant.parse("2026-03-31T21:59:59Z"), "checkout-api", "POST /checkout", 200, 1000);
            StatusRecord lastMinuteOfMarch = latest(pipeline);
            pipeline.request(Instant.parse("2026-03-31T22:00:00Z"), "checkout-api", "POST /checkout", 200, 1000);
            StatusRecord april = latest(pipeline);

            assertThat(march.window()).isEqualTo(new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")));
            assertThat(march.budgetRemaining()).isCloseTo(1 - 5.0 / 1000 / 0.001, within(1e-9));
            assertThat(lastMinuteOfMarch.budgetRemaining()).isCloseTo(1 - 5.0 / 2000 / 0.001, within(1e-9));
            assertThat(april.budgetRemaining()).isEqualTo(1.0);
            assertThat(april.sli()).hasValue(1.0);
            assertThat(april.burnRates().get(Duration.ofHours(1))).as("the rolling windows go on").isPositive();
        }
    }

    @Test
    void shouldKeepTheLatestStatusOfEverySloInTheStatusStoreAndShowItsPairsAndCounts() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), T0, Shop.folder(Shop.CHECKOUT))) {
            pipeline.request(T0, "checkout-api", "POST /checkout", 200, 990);
            pipeline.request(T0.plusSeconds(1), "payments", "POST /charge/visa", 503, 10);

            StatusRecord published = latest(pipeline);
            KeyValueStore<String, byte[]> store = pipeline.driver().getKeyValueStore(SloStores.STATUS);
            StatusRecord stored = StatusCodec.decode(store.get("checkout-availability"));

            assertThat(stored).isEqualTo(published);
            assertThat(stored.updatedAt()).isEqualTo(pipeline.wallClock());
            assertThat(stored.counts()).isEqualTo(new WindowCounts(WindowCounts.EVENTS,
                    Instant.parse("2026-01-31T10:00:00Z"), 990, 10, 1000));
            // the default pairs with the workbook's thresholds; 1 % errors burn at 10 everywhere
            assertThat(stored.pairs()).extracting(PairStatus::name, PairStatus::burnRateThreshold, PairStatus::holds).containsExactly(
                    tuple("page-fast", 14.4, false), tuple("page-slow", 6.0, true),
                    tuple("ticket-fast", 3.0, true), tuple("ticket-slow", 1.0, true));
            assertThat(stored.pairs().get(0).errorRatioThreshold()).isCloseTo(0.0144, within(1e-12));
            assertThat(stored.pairs().get(0).longBurnRate()).isCloseTo(10, within(1e-9));
        }
    }

    @Test
    void shouldDropTheStoredStatusOfARemovedSlo() {
        try (Pipeline pipeline = new Pipeline(Scenarios.inMemory().withInitialDefinitions(DefinitionSet.empty()), T0)) {
            pipeline.define("Service/storefront", Shop.SERVICES);
            pipeline.define("SLO/checkout-availability", Shop.CHECKOUT);
            pipeline.request(T0, "checkout-api", "POST /checkout", 200, 10);
            latest(pipeline);
            KeyValueStore<String, byte[]> store = pipeline.driver().getKeyValueStore(SloStores.STATUS);
            assertThat(store.get("checkout-availability")).isNotNull();

            pipeline.define("SLO/checkout-availability", null);
            pipeline.advanceWallClock(pipeline.config.statusInterval());

            assertThat(store.get("checkout-availability")).isNull();
        }
    }

    @Test
    void shouldChartTheSloWindowFromSummedBucketCounts() throws Exception {
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), start, Shop.folder(Shop.CHECKOUT))) {
            // a day of traffic: 100 requests a minute, 7 of them failing in hour 5, 1 in every other hour's first minute
            long[] badByHour = new long[24];
            for (int minute = 0; minute < 24 * 60; minute++) {
                int hour = minute / 60;
                long bad = hour == 5 ? 7 : minute % 60 == 0 ? 1 : 0;
                badByHour[hour] += bad;
                Instant time = start.plus(Duration.ofMinutes(minute));
                pipeline.request(time, "checkout-api", "POST /checkout", 200, 100 - bad);
                if (bad > 0) {
                    pipeline.request(time, "payments", "POST /charge/visa", 503, bad);
                }
            }
            latest(pipeline);
            KeyValueStore<Bytes, byte[]> windowsStore = pipeline.driver().getKeyValueStore(SloStores.WINDOWS);
            SloWindows windows = WindowParts.rebuild(new SloKeyspace(windowsStore).read("checkout-availability")).orElseThrow();

            JsonNode history = new ObjectMapper().readTree(HistoryCodec.encode("checkout-availability", 99.9, WindowCounts.EVENTS,
                    windows.latest(), windows.buckets()));

            // a 30-day window keeps hourly buckets: 30 days of points, the last day's holding the traffic
            assertThat(history.get("resolution").asText()).isEqualTo("1h");
            JsonNode points = history.get("points");
            assertThat(points).hasSize(30 * 24);
            assertThat(points.get(0).get("sli").isNull()).as("no traffic yet at the window's start").isTrue();
            long good = 0;
            long bad = 0;
            for (int hour = 0; hour < 24; hour++) {
                JsonNode point = points.get(points.size() - 24 + hour);
                good += 6000 - badByHour[hour];
                bad += badByHour[hour];
                assertThat(point.get("start").asText()).isEqualTo(start.plus(Duration.ofHours(hour)).toString());
                assertThat(point.get("bad").asLong()).isEqualTo(badByHour[hour]);
                assertThat(point.get("events").asLong()).isEqualTo(6000);
                assertThat(point.get("sli").asDouble()).isCloseTo((double) good / (good + bad), within(1e-12));
                assertThat(point.get("budgetRemaining").asDouble()).isCloseTo(1 - ((double) bad / (good + bad)) / 0.001, within(1e-9));
            }
            StatusRecord status = StatusCodec.decode(pipeline.driver().<String, byte[]>getKeyValueStore(SloStores.STATUS)
                    .get("checkout-availability"));
            assertThat(points.get(points.size() - 1).get("budgetRemaining").asDouble())
                    .as("the last point is the status").isCloseTo(status.budgetRemaining(), within(1e-9));
        }
    }
}
