package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.streams.aggregate.SloStores;
import dev.slopipeline.streams.alert.AlertComposer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/**
 * The production stores (RocksDB, record cache, changelog) across a restart, played as {@link Restarts} does. It
 * must rebuild each SLO from its parts and carry on without repeating a transition.
 */
class RestartTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final TopologyConfig PERSISTENT = TopologyConfig.defaults()
            .withInitialDefinitions(Pipeline.load(Shop.folder(Shop.CHECKOUT)));

    /** 60 healthy minutes, then 20 minutes of 5 % errors, then healthy again: a page and its resolution. */
    private static List<Alert> run(int from, int to, Pipeline pipeline) {
        for (int minute = from; minute < to; minute++) {
            Instant time = START.plus(Duration.ofMinutes(minute));
            boolean failing = minute >= 60 && minute < 80;
            pipeline.request(time, "checkout-api", "POST /checkout", 200, failing ? 950 : 1000);
            if (failing) {
                pipeline.request(time.plusSeconds(1), "payments", "POST /charge/visa", 503, 50);
            }
        }
        return pipeline.alerts();
    }

    @Test
    void shouldCarryOnFromTheStoresWithoutRepeatingATransition() {
        List<Alert> uninterrupted;
        try (Pipeline pipeline = new Pipeline(PERSISTENT, START)) {
            uninterrupted = run(0, 140, pipeline);
        }

        List<Alert> restarted = Restarts.at(70, 140, PERSISTENT, START, RestartTest::run).alerts();

        assertThat(uninterrupted).extracting(Alert::severity, Alert::state)
                .contains(tuple(Severity.PAGE, AlertState.FIRING), tuple(Severity.PAGE, AlertState.RESOLVED));
        assertThat(restarted).as("fired before the restart, resolved after it, once each").isEqualTo(uninterrupted);
    }

    @Test
    void shouldResolveTheFiringAlertsOfAnSloRemovedWhileStopped() {
        List<Alert> firing;
        Map<String, List<KeyValue<Bytes, byte[]>>> stored;
        try (Pipeline first = new Pipeline(PERSISTENT, START)) {
            firing = run(0, 70, first);
            stored = Restarts.contents(first);
        }
        // while stopped, the SLO was deleted: the next start knows its service only
        TopologyConfig withoutTheSlo = PERSISTENT.withInitialDefinitions(Pipeline.load(Shop.folder()));
        try (Pipeline second = new Pipeline(withoutTheSlo, START.plus(Duration.ofMinutes(70)))) {
            stored.forEach((store, entries) -> second.driver().<Bytes, byte[]>getKeyValueStore(store).putAll(entries));
            second.advanceWallClock(second.config.evaluationInterval());

            List<Alert> resolved = second.alerts();

            assertThat(firing).isNotEmpty().allSatisfy(alert -> assertThat(alert.state()).isEqualTo(AlertState.FIRING));
            assertThat(resolved).hasSameSizeAs(firing).allSatisfy(alert -> {
                assertThat(alert.state()).isEqualTo(AlertState.RESOLVED);
                assertThat(alert.annotations()).containsEntry(AlertLabels.REASON, "slo removed while the pipeline was stopped");
                assertThat(alert.pairs()).isEmpty();
            });
            assertThat(resolved).extracting(Alert::id).containsExactlyInAnyOrderElementsOf(firing.stream().map(Alert::id).toList());
            assertThat(resolved).extracting(Alert::labels).containsExactlyInAnyOrderElementsOf(firing.stream().map(Alert::labels).toList());
            for (String store : SloStores.NAMES) {
                try (KeyValueIterator<Bytes, byte[]> left = second.driver().<Bytes, byte[]>getKeyValueStore(store).all()) {
                    assertThat(left.hasNext()).as("state left in %s", store).isFalse();
                }
            }
            second.advanceWallClock(second.config.evaluationInterval());
            assertThat(second.alerts()).as("resolved once").isEmpty();
        }
    }
}
