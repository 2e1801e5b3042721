package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.streams.evaluate.SeverityStatus;
import dev.slopipeline.streams.status.StatusCodec;
import dev.slopipeline.streams.status.StatusRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The wall-clock rounds spread over several punctuations, as the application runs them: statuses and the judging of
 * quiet SLOs still reach every SLO each interval, and a crossing event does not wait for a round to be through.
 */
class SpreadRoundsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:05:00Z");
    private static final int SLOS = 20;
    private static final int SLICES = 5;
    /** Five slices of the default status interval, 5 s. */
    private static final Duration STATUS_SLICE = Duration.ofSeconds(1);

    @Test
    void shouldPublishEverySlosStatusWithinOneIntervalAFifthAtATime() {
        try (Pipeline pipeline = spreadShop().wallClockFixed()) {
            IntStream.range(0, SLOS).forEach(slo -> good(pipeline, slo, T0));

            List<List<String>> perSlice = new ArrayList<>();
            for (int slice = 0; slice < SLICES; slice++) {
                pipeline.advanceWallClock(STATUS_SLICE);
                perSlice.add(pipeline.statusRecords().stream().map(TestRecord::key).toList());
            }

            assertThat(perSlice).allSatisfy(slice -> assertThat(slice).hasSize(SLOS / SLICES));
            assertThat(perSlice.stream().flatMap(List::stream)).as("each SLO once in the round")
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, SLOS).mapToObj(SpreadRoundsTest::name).toList());

            passSlices(pipeline, SLICES);
            assertThat(pipeline.statusRecords()).as("nothing new since: no statuses").isEmpty();
        }
    }

    @Test
    void shouldPublishACrossingAlertWhileTheStatusRoundIsStillUnderWay() {
        try (Pipeline pipeline = spreadShop().wallClockFixed()) {
            IntStream.range(0, SLOS).forEach(slo -> good(pipeline, slo, T0));
            pipeline.advanceWallClock(STATUS_SLICE);
            assertThat(pipeline.statusRecords()).hasSize(SLOS / SLICES);

            String last = name(SLOS - 1);
            pipeline.request(T0.plusSeconds(1), "shop-api", operation(SLOS - 1), 503, 100);

            assertThat(pipeline.alerts()).filteredOn(alert -> alert.severity() == Severity.PAGE)
                    .extracting(Alert::slo, Alert::state).containsExactly(tuple(last, AlertState.FIRING));
            passSlices(pipeline, SLICES - 1);
            List<StatusRecord> rest = pipeline.statusRecords().stream().map(r -> StatusCodec.decode(r.value())).toList();
            assertThat(rest).hasSize(SLOS - SLOS / SLICES);
            assertThat(rest).filteredOn(status -> status.slo().equals(last)).singleElement()
                    .satisfies(status -> assertThat(status.alerts().get(Severity.PAGE)).isInstanceOf(SeverityStatus.Firing.class));
        }
    }

    @Test
    void shouldStillResolveThePageOfAnSloWhoseTrafficStopped() {
        try (Pipeline pipeline = spreadShop().wallClockFixed()) {
            for (int minute = 0; minute < 120; minute++) {
                Instant time = T0.plus(Duration.ofMinutes(minute));
                pipeline.advanceWallClock(Duration.between(pipeline.wallClock(), time));
                IntStream.range(0, SLOS).forEach(slo -> good(pipeline, slo, time));
            }
            Instant outage = T0.plus(Duration.ofMinutes(120));
            for (int minute = 0; minute < 10; minute++) {
                Instant time = outage.plus(Duration.ofMinutes(minute));
                pipeline.advanceWallClock(Duration.between(pipeline.wallClock(), time));
                pipeline.request(time, "shop-api", operation(7), 503, 1000);
            }
            Instant lastEvent = outage.plus(Duration.ofMinutes(9));

            // a slice of the evaluation round (10 s) every 2 s
            while (pipeline.wallClock().isBefore(lastEvent.plus(Duration.ofMinutes(40)))) {
                pipeline.advanceWallClock(Duration.ofSeconds(2));
            }

            List<Alert> pages = pipeline.alerts().stream().filter(a -> a.severity() == Severity.PAGE).toList();
            assertThat(pages).extracting(Alert::slo).containsOnly(name(7));
            assertThat(pages).extracting(Alert::state).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            // page-slow's 30 minutes hold bad minutes for 30 minutes; the wall clock runs a minute behind
            assertThat(pages.get(1).at()).isBetween(lastEvent.plus(Duration.ofMinutes(30)), lastEvent.plus(Duration.ofMinutes(32)));
        }
    }

    private static Pipeline spreadShop() {
        StringBuilder slos = new StringBuilder();
        for (int slo = 0; slo < SLOS; slo++) {
            slos.append("---\n").append(Shop.CHECKOUT
                    .replace("checkout-availability", name(slo))
                    .replace("{service: checkout-api, operation: \"POST /checkout\"}",
                            "{service: shop-api, operation: \"" + operation(slo) + "\"}")
                    .replace("{service: payments, operation: {regex: \"POST /charge.*\"}}",
                            "{service: shop-api, operation: \"" + operation(slo) + " (retried)\"}"));
        }
        return Pipeline.withFolder(Scenarios.inMemory().withRoundSlices(SLICES), T0,
                Map.of("shop.yaml", Shop.SERVICES + slos));
    }

    /** One slice at a time, as a running clock passes them: the driver fires a punctuator once per advance. */
    private static void passSlices(Pipeline pipeline, int slices) {
        for (int slice = 0; slice < slices; slice++) {
            pipeline.advanceWallClock(STATUS_SLICE);
        }
    }

    private static void good(Pipeline pipeline, int slo, Instant time) {
        pipeline.request(time, "shop-api", operation(slo), 200, 1000);
    }

    private static String name(int slo) {
        return String.format(Locale.ROOT, "slo-%02d", slo);
    }

    private static String operation(int slo) {
        return String.format(Locale.ROOT, "GET /item/%02d", slo);
    }
}
