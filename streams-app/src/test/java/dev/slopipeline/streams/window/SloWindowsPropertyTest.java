package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random traffic with outages, out-of-order and late events, quiet stretches and jumps of days: after
 * every step each incremental sum must equal the brute-force recomputation of its definition.
 */
class SloWindowsPropertyTest {

    private static final List<Duration> DEFAULT_PAIR_WINDOWS = List.of(
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));

    record Variant(String name, WindowPlan plan, Instant start, Double sliceTarget) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> variants() {
        List<Variant> variants = List.of(
                new Variant("occurrences, rolling 30d",
                        new WindowPlan(new SliUnit.Events(), Duration.ofMinutes(2), DEFAULT_PAIR_WINDOWS,
                                new SloWindow.Rolling(Duration.ofDays(30))),
                        Instant.parse("2026-03-01T00:00:00Z"), null),
                new Variant("timeslices 90 %, rolling 28d, grace 5m, before 1970",
                        new WindowPlan(new SliUnit.Minutes(0.9), Duration.ofMinutes(5), DEFAULT_PAIR_WINDOWS,
                                new SloWindow.Rolling(Duration.ofDays(28))),
                        Instant.parse("1969-12-20T13:37:12Z"), 0.9),
                new Variant("occurrences, calendar month in Berlin across DST",
                        new WindowPlan(new SliUnit.Events(), Duration.ofMinutes(2), DEFAULT_PAIR_WINDOWS,
                                new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"))),
                        Instant.parse("2026-03-20T09:00:00Z"), null),
                new Variant("timeslices 99 %, calendar week in New York, no grace, 12h and 90d windows",
                        new WindowPlan(new SliUnit.Minutes(0.99), Duration.ZERO,
                                List.of(Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofDays(90)),
                                new SloWindow.Calendar(SloWindow.CalendarPeriod.WEEK, ZoneId.of("America/New_York"))),
                        Instant.parse("2026-10-28T22:10:00Z"), 0.99));
        return variants.stream().flatMap(v -> Stream.of(Arguments.of(v, 1L), Arguments.of(v, 2L)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("variants")
    void shouldEqualABruteForceRecomputationAfterEveryStep(Variant variant, long seed) {
        Random random = new Random(seed);
        Instant now = variant.start();
        SloWindows windows = SloWindows.startAt(variant.plan(), now);
        StoredParts store = new StoredParts();
        BruteForceWindows reference = new BruteForceWindows(now, variant.plan().grace(), variant.sliceTarget());
        double badShare = 0.01;
        int late = 0;

        for (int step = 0; step < 2500; step++) {
            now = now.plus(nextStep(random));
            if (random.nextInt(100) < 3) {
                badShare = List.of(0.0, 0.001, 0.02, 0.5, 1.0).get(random.nextInt(5));
            }
            int records = random.nextInt(4);
            for (int i = 0; i < records; i++) {
                Instant time = now.minusSeconds(random.nextInt(100) < 25 ? random.nextInt(60 * (int) variant.plan().grace().toMinutes() + 240) : 0);
                long count = 1 + random.nextInt(40);
                long bad = random.nextDouble() < badShare ? count : (random.nextInt(10) == 0 ? random.nextInt((int) count) : 0);
                boolean accepted = windows.record(time, count - bad, bad) instanceof Recorded.Accepted;
                assertThat(accepted).as("accepted at step %d", step).isEqualTo(reference.record(time, count - bad, bad));
                late += accepted ? 0 : 1;
            }
            if (random.nextInt(10) == 0) {
                windows.advanceTo(now);
                reference.advanceTo(now);
            }
            // the store follows every step part by part; now and then the windows are rebuilt from it alone
            store.drain(windows);
            if (step % 97 == 0) {
                windows = store.rebuild();
            }
            assertMatches(windows.sums(), reference, variant.plan(), step);
        }
        assertThat(late).as("the traffic exercised late events").isPositive();
    }

    /** Mostly a minute, often hours (the long windows age bucket by bucket), rarely days past every ring. */
    private static Duration nextStep(Random random) {
        int kind = random.nextInt(1000);
        if (kind < 700) {
            return Duration.ofSeconds(30 + random.nextInt(61));
        }
        if (kind < 995) {
            return Duration.ofMinutes(2 + random.nextInt(180));
        }
        return Duration.ofDays(1 + random.nextInt(40)).plusMinutes(random.nextInt(1440));
    }

    private static void assertMatches(WindowSums sums, BruteForceWindows reference, WindowPlan plan, int step) {
        for (Duration window : plan.rollingWindows()) {
            assertThat(sums.window(window)).as("%s window at step %d", window, step).isEqualTo(reference.rolling(window));
        }
        long watermark = reference.watermark();
        if (plan.budgetWindow() instanceof SloWindow.Calendar calendar) {
            assertThat(sums.budget().tally()).as("calendar window at step %d", step).isEqualTo(reference.calendar(calendar));
            assertThat(sums.budget().from()).isEqualTo(Instant.ofEpochSecond(BruteForceWindows.calendarStart(watermark, calendar) * 60));
        } else {
            Duration length = plan.budgetWindow().nominalLength();
            assertThat(sums.budget().tally()).as("budget window at step %d", step).isEqualTo(reference.rolling(length));
            assertThat(sums.budget().from()).isEqualTo(Instant.ofEpochSecond(BruteForceWindows.firstMinute(watermark, length) * 60));
        }
    }
}
