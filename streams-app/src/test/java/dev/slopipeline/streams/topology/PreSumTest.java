package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.streams.status.StatusRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Counts summed per SLO and minute before the repartition (as the application runs) alert as counts
 * handed on event by event: the same transitions in the same minutes, the same totals.
 */
class PreSumTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final int MINUTES = 180;
    private static final int OUTAGE_FROM = 120;
    private static final int OUTAGE_TO = 135;

    @Test
    void shouldAlertAsWithoutSummingWhenAMinutesEventsCrossTheRepartitionAsOneSum() {
        Result summed = run(Scenarios.inMemory().withPreSumInterval(INTERVAL), true);
        Result oneByOne = run(Scenarios.inMemory(), false);

        assertThat(summed.alerts).isNotEmpty();
        assertThat(summed.alerts).extracting(Alert::severity, Alert::state, alert -> alert.at().truncatedTo(ChronoUnit.MINUTES))
                .containsExactlyElementsOf(oneByOne.alerts.stream()
                        .map(alert -> org.assertj.core.groups.Tuple.tuple(alert.severity(), alert.state(),
                                alert.at().truncatedTo(ChronoUnit.MINUTES)))
                        .toList());
        // a page fires on the first sum that makes a pair hold; the contributors are those counted by then
        Alert page = summed.alerts.stream().filter(a -> a.state() == AlertState.FIRING).findFirst().orElseThrow();
        assertThat(page.contributors()).isNotEmpty().allSatisfy(contributor -> {
            assertThat(contributor.service()).isEqualTo("payments");
            assertThat(contributor.operation()).isIn("POST /charge/visa", "POST /charge/amex");
        });
        assertThat(summed.status.counts()).isEqualTo(oneByOne.status.counts());
        assertThat(summed.status.counts().events()).isEqualTo(MINUTES * 50L + (OUTAGE_TO - OUTAGE_FROM) * 20L);
    }

    /**
     * What a restart after a crash restores: every commit has put the sums of the events it covers in the changelog,
     * so that a crash after it loses none of them; a drain then removes them.
     */
    @Test
    void shouldHaveTheSumsOfCommittedEventsInTheChangelogUntilTheyAreHandedOn() {
        try (Pipeline pipeline = Pipeline.withFolder(TopologyConfig.defaults().withPreSumInterval(INTERVAL), START,
                Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            TestOutputTopic<byte[], byte[]> changelog = pipeline.driver().createOutputTopic(
                    Pipeline.APPLICATION_ID + "-" + SloTopology.PRE_SUMS_STORE + "-changelog",
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            for (int i = 0; i < 3; i++) {
                pipeline.request(START.plusSeconds(i), "checkout-api", "POST /checkout", 200, 1);
            }
            pipeline.request(START.plusSeconds(10), "payments", "POST /charge/visa", 503, 2);

            Map<String, long[]> committed = latest(changelog.readRecordsToList());
            assertThat(committed).containsOnlyKeys("checkout-availability", "checkout-availability payments POST /charge/visa");
            assertThat(committed.get("checkout-availability")).containsExactly(3, 0, START.plusSeconds(2).toEpochMilli());
            assertThat(committed.get("checkout-availability payments POST /charge/visa"))
                    .containsExactly(0, 2, START.plusSeconds(10).toEpochMilli());

            pipeline.advanceWallClock(INTERVAL);
            assertThat(latest(changelog.readRecordsToList())).containsOnlyKeys(committed.keySet())
                    .allSatisfy((key, sums) -> assertThat(sums).as("deleted once handed on").isNull());
        }
    }

    /** The last value written per pre-sum key, keyed by its series and contributor as text; null for a delete. */
    private static Map<String, long[]> latest(List<TestRecord<byte[], byte[]>> records) {
        Map<String, long[]> latest = new LinkedHashMap<>();
        for (TestRecord<byte[], byte[]> record : records) {
            ByteBuffer key = ByteBuffer.wrap(record.key());
            int seriesEnd = 0;
            while (record.key()[seriesEnd] != 0) {
                seriesEnd++;
            }
            StringBuilder name = new StringBuilder(new String(record.key(), 0, seriesEnd, StandardCharsets.UTF_8));
            key.position(seriesEnd + 1 + Long.BYTES);
            if (key.hasRemaining()) {
                int serviceLength = key.getInt();
                String rest = new String(record.key(), key.position(), key.remaining(), StandardCharsets.UTF_8);
                name.append(' ').append(rest, 0, serviceLength).append(' ').append(rest.substring(serviceLength));
            }
            ByteBuffer value = record.value() == null ? null : ByteBuffer.wrap(record.value());
            latest.put(name.toString(), value == null ? null : new long[] {value.getLong(), value.getLong(), value.getLong()});
        }
        return latest;
    }

    private record Result(List<Alert> alerts, StatusRecord status) {
    }

    /** 50 good requests a minute, and during the outage 20 failing ones from two operations, each its own event. */
    private static Result run(TopologyConfig config, boolean summed) {
        try (Pipeline pipeline = Pipeline.withFolder(config, START, Shop.folder(Shop.CHECKOUT))) {
            if (summed) {
                pipeline.wallClockFixed();
            }
            for (int minute = 0; minute < MINUTES; minute++) {
                Instant minuteStart = START.plus(Duration.ofMinutes(minute));
                if (summed) {
                    pipeline.runWallClockTo(minuteStart);
                }
                for (int i = 0; i < 50; i++) {
                    pipeline.request(minuteStart.plusMillis(1000L * i), "checkout-api", "POST /checkout", 200, 1);
                }
                if (minute >= OUTAGE_FROM && minute < OUTAGE_TO) {
                    for (int i = 0; i < 20; i++) {
                        String operation = i % 2 == 0 ? "POST /charge/visa" : "POST /charge/amex";
                        pipeline.request(minuteStart.plusMillis(500L + 1000L * i), "payments", operation, 503, 1);
                    }
                }
                if (summed) {
                    // the minute's 50 to 70 events are summed, then cross as one record per contributor
                    pipeline.advanceWallClock(INTERVAL);
                }
            }
            pipeline.runWallClockTo(START.plus(Duration.ofMinutes(MINUTES)));
            List<StatusRecord> statuses = pipeline.statuses();
            return new Result(pipeline.alerts(), statuses.get(statuses.size() - 1));
        }
    }
}
