package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.streams.aggregate.SloStores;
import dev.slopipeline.streams.status.StatusCodec;
import dev.slopipeline.streams.status.StatusRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * An SLO split by region: one SLI, window, alert state and budget per region, each region's alerts labelled with it,
 * each series restored on its own after a restart, and the cardinality limit holding under a flood of values.
 */
class SplitSloTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");

    private static final String BY_REGION = Shop.CHECKOUT + "  groupBy: [region]\n";
    private static final Duration PRE_SUM_INTERVAL = Duration.ofMillis(100);

    private static RequestEvent checkout(Instant time, String region, int status, long count) {
        return new RequestEvent(time, "checkout-api", "POST /checkout", status, RequestEvent.NO_LATENCY, count,
                Map.of("region", region));
    }

    /** 60 healthy minutes in every region, then 20 minutes of 5 % errors in eu-west alone, then healthy again. */
    private static List<Alert> run(int from, int to, Pipeline pipeline) {
        for (int minute = from; minute < to; minute++) {
            Instant time = START.plus(Duration.ofMinutes(minute));
            for (String region : REGIONS) {
                boolean failing = region.equals("eu-west") && minute >= 60 && minute < 80;
                pipeline.request(checkout(time, region, 200, failing ? 950 : 1000));
                if (failing) {
                    pipeline.request(checkout(time.plusSeconds(1), region, 503, 50));
                }
            }
        }
        return pipeline.alerts();
    }

    @Test
    void shouldPageOnlyForTheRegionThatFailsLabelledWithIt() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(BY_REGION))) {
            List<Alert> alerts = run(0, 140, pipeline);

            List<Alert> pages = alerts.stream().filter(a -> a.severity() == Severity.PAGE).toList();
            assertThat(pages).extracting(Alert::state).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            assertThat(alerts).allSatisfy(alert -> {
                assertThat(alert.slo()).isEqualTo("checkout-availability");
                assertThat(alert.labels()).containsEntry("region", "eu-west").containsEntry("team", "payments");
                assertThat(alert.id()).startsWith("checkout-availability{region=\"eu-west\"}/" + alert.severity().wireName() + "/");
            });
            Alert firing = pages.get(0);
            assertThat(firing.annotations().get(AlertLabels.SUMMARY)).startsWith("Customers can pay for their cart in eu-west is failing: ");
            assertThat(pages.get(1).annotations().get(AlertLabels.SUMMARY)).startsWith("Recovered in eu-west: ");
            assertThat(pages.get(1).id()).isEqualTo(firing.id());
            assertThat(new ArrayList<>(firing.labels().keySet()))
                    .containsExactly("slo", "service", "journey", "severity", "owner", "tier", "region", "team");
        }
    }

    @Test
    void shouldPublishAStatusPerSeriesKeyedBySeries() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(BY_REGION))) {
            run(0, 70, pipeline);
            pipeline.advanceWallClock(pipeline.config.statusInterval());

            Map<String, StatusRecord> latest = new LinkedHashMap<>();
            pipeline.statusRecords().forEach(record -> latest.put(record.key(),
                    dev.slopipeline.streams.status.StatusCodec.decode(record.value())));

            assertThat(latest.keySet()).containsExactlyInAnyOrder("checkout-availability{region=\"eu-west\"}",
                    "checkout-availability{region=\"us-east\"}", "checkout-availability{region=\"ap-south\"}");
            assertThat(latest.get("checkout-availability{region=\"eu-west\"}").counts().bad()).isEqualTo(10 * 50);
            assertThat(latest.get("checkout-availability{region=\"us-east\"}").counts().bad()).isZero();
            assertThat(latest.get("checkout-availability{region=\"us-east\"}").labels()).containsExactly(Map.entry("region", "us-east"));
        }
    }

    @Test
    void shouldCarryOnEachSeriesFromTheStoresAfterARestart() {
        TopologyConfig persistent = TopologyConfig.defaults().withInitialDefinitions(Pipeline.load(Shop.folder(BY_REGION)));
        List<Alert> uninterrupted;
        try (Pipeline pipeline = new Pipeline(persistent, START)) {
            uninterrupted = run(0, 140, pipeline);
        }

        Restarts.Run restarted = Restarts.at(70, 140, persistent, START, SplitSloTest::run);
        Map<String, List<KeyValue<Bytes, byte[]>>> stored = restarted.stored();

        assertThat(seriesIn(stored.get(SloStores.ALERT_STATES))).containsExactlyInAnyOrder(
                "checkout-availability{region=\"eu-west\"}", "checkout-availability{region=\"us-east\"}",
                "checkout-availability{region=\"ap-south\"}");
        assertThat(uninterrupted).extracting(Alert::severity, Alert::state)
                .contains(tuple(Severity.PAGE, AlertState.FIRING), tuple(Severity.PAGE, AlertState.RESOLVED));
        assertThat(restarted.alerts()).as("fired before the restart, resolved after it, once each").isEqualTo(uninterrupted);
    }

    @Test
    void shouldCountAFloodOfValuesBeyondMaxSeriesInTheSeriesOther() {
        String capped = BY_REGION.replace("groupBy: [region]", "groupBy: [region]\n  maxSeries: 3");
        int values = 500;
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(capped))) {
            for (int i = 0; i < values; i++) {
                pipeline.request(checkout(START.plusSeconds(i), "region-" + i, i % 2 == 0 ? 200 : 503, 1));
            }
            pipeline.advanceWallClock(pipeline.config.statusInterval());

            Map<String, StatusRecord> latest = new HashMap<>();
            pipeline.statuses().forEach(status -> latest.put(status.series().text(), status));
            assertThat(latest.keySet()).containsExactlyInAnyOrder("checkout-availability{region=\"region-0\"}",
                    "checkout-availability{region=\"region-1\"}", "checkout-availability{region=\"region-2\"}",
                    "checkout-availability{region=\"other\"}");
            assertThat(latest.values().stream().mapToLong(status -> status.counts().events()).sum())
                    .as("no event dropped").isEqualTo(values);
            assertThat(latest.get("checkout-availability{region=\"other\"}").counts().events()).isEqualTo(values - 3);
            assertThat(pipeline.counter("slo.series.overflow.events", "slo", "checkout-availability")).isEqualTo(values - 3);
            assertThat(seriesIn(Restarts.contents(pipeline).get(SloStores.WINDOWS))).hasSize(4);
        }
    }

    @Test
    void shouldGiveAComponentsHealthToEverySeriesAsContext() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(BY_REGION))) {
            run(0, 60, pipeline);
            pipeline.health(START.plus(Duration.ofMinutes(60)), "checkout-api", "db-ping", HealthStatus.FAIL, "pg-1");
            List<Alert> alerts = run(60, 70, pipeline);

            assertThat(alerts).isNotEmpty().allSatisfy(alert -> assertThat(alert.context())
                    .extracting(Alert.Context::check).containsExactly("db-ping"));
        }
    }

    @Test
    void shouldResolveTheSeriesOfAnEarlierGroupByWhenItChanges() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(BY_REGION))) {
            List<Alert> firing = run(0, 70, pipeline);
            pipeline.define("Service/storefront", Shop.SERVICES);
            pipeline.define("SLO/checkout-availability", BY_REGION.replace("groupBy: [region]", "groupBy: [region, tenant]"));
            pipeline.request(checkout(START.plus(Duration.ofMinutes(70)), "eu-west", 200, 1000));

            List<Alert> resolved = pipeline.alerts();

            assertThat(firing).isNotEmpty();
            assertThat(resolved).hasSameSizeAs(firing).allSatisfy(alert -> {
                assertThat(alert.state()).isEqualTo(AlertState.RESOLVED);
                assertThat(alert.annotations()).containsEntry(AlertLabels.REASON, "groupBy changed: the SLO is split into other series");
            });
            assertThat(seriesIn(Restarts.contents(pipeline).get(SloStores.ALERT_STATES)))
                    .containsExactly("checkout-availability{region=\"eu-west\",tenant=\"\"}");
        }
    }

    @Test
    void shouldCountSumsOfTheEarlierGroupByInTheSeriesTheyBelongToWhenTheChangeTakesALabelAway() {
        try (Pipeline pipeline = summing(BY_REGION.replace("groupBy: [region]", "groupBy: [region, tenant]"))) {
            Instant minute = START.plus(Duration.ofMinutes(1));
            pipeline.runWallClockTo(minute);
            pipeline.request(checkout(minute, "eu-west", "acme", 200, 1000));
            pipeline.request(checkout(minute, "eu-west", "globex", 503, 7));
            pipeline.request(checkout(minute, "us-east", "acme", 200, 500));

            // summed under [region, tenant]; the split changes before the sums cross the repartition
            pipeline.define("Service/storefront", Shop.SERVICES);
            pipeline.define("SLO/checkout-availability", BY_REGION);
            pipeline.advanceWallClock(PRE_SUM_INTERVAL);
            pipeline.advanceWallClock(pipeline.config.statusInterval());

            Map<String, StatusRecord> latest = latestStatuses(pipeline);
            assertThat(latest.keySet()).containsExactlyInAnyOrder("checkout-availability{region=\"eu-west\"}",
                    "checkout-availability{region=\"us-east\"}");
            assertThat(latest.get("checkout-availability{region=\"eu-west\"}").counts())
                    .extracting(c -> c.good(), c -> c.bad()).containsExactly(1000L, 7L);
            assertThat(latest.get("checkout-availability{region=\"us-east\"}").counts())
                    .extracting(c -> c.good(), c -> c.bad()).containsExactly(500L, 0L);
        }
    }

    @Test
    void shouldDropSumsOfTheEarlierGroupByWhenTheChangeAddsALabelTheirEventsHadButTheSumsLost() {
        try (Pipeline pipeline = summing(BY_REGION)) {
            Instant minute = START.plus(Duration.ofMinutes(1));
            pipeline.runWallClockTo(minute);
            pipeline.request(checkout(minute, "eu-west", "acme", 200, 1000));
            pipeline.request(checkout(minute, "eu-west", "globex", 503, 7));

            // summed under [region] alone: which tenant each event had is not in the sum
            pipeline.define("Service/storefront", Shop.SERVICES);
            pipeline.define("SLO/checkout-availability", BY_REGION.replace("groupBy: [region]", "groupBy: [region, tenant]"));
            pipeline.advanceWallClock(PRE_SUM_INTERVAL);
            pipeline.request(checkout(minute.plusSeconds(30), "eu-west", "acme", 200, 40));
            pipeline.advanceWallClock(PRE_SUM_INTERVAL);
            pipeline.advanceWallClock(pipeline.config.statusInterval());

            Map<String, StatusRecord> latest = latestStatuses(pipeline);
            assertThat(latest.keySet()).containsExactly("checkout-availability{region=\"eu-west\",tenant=\"acme\"}");
            assertThat(latest.get("checkout-availability{region=\"eu-west\",tenant=\"acme\"}").counts())
                    .as("only the events summed after the change").extracting(c -> c.good(), c -> c.bad()).containsExactly(40L, 0L);
        }
    }

    /** A pipeline that sums counts before the repartition, with a wall clock that moves only when told. */
    private static Pipeline summing(String slo) {
        return Pipeline.withFolder(Scenarios.inMemory().withPreSumInterval(PRE_SUM_INTERVAL), START, Shop.folder(slo))
                .wallClockFixed();
    }

    private static RequestEvent checkout(Instant time, String region, String tenant, int status, long count) {
        return new RequestEvent(time, "checkout-api", "POST /checkout", status, RequestEvent.NO_LATENCY, count,
                Map.of("region", region, "tenant", tenant));
    }

    /** The last status of each series, leaving out those a tombstone ended. */
    private static Map<String, StatusRecord> latestStatuses(Pipeline pipeline) {
        Map<String, StatusRecord> latest = new LinkedHashMap<>();
        pipeline.statusRecords().forEach(record -> {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), StatusCodec.decode(record.value()));
            }
        });
        return latest;
    }

    private static Set<String> seriesIn(List<KeyValue<Bytes, byte[]>> entries) {
        Set<String> series = new TreeSet<>();
        for (KeyValue<Bytes, byte[]> entry : entries) {
            byte[] key = entry.key.get();
            int end = 0;
            while (key[end] != 0) {
                end++;
            }
            series.add(new String(key, 0, end, java.nio.charset.StandardCharsets.UTF_8));
        }
        return series;
    }
}
