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
