package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.streams.store.Part;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowPartsTest {

    private static final List<Duration> DEFAULT_PAIR_WINDOWS_AND_FORECAST = List.of(
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final int SIZE_BOUND = 50 * 1024;
    /** {@code checkout-availability} and the separator: a typical key prefix. */
    private static final int PREFIX = 22;

    private static WindowPlan rolling30d() {
        return new WindowPlan(new SliUnit.Events(), WindowPlan.DEFAULT_GRACE, DEFAULT_PAIR_WINDOWS_AND_FORECAST,
                new SloWindow.Rolling(Duration.ofDays(30)));
    }

    /** One record of good and one of bad events per minute, for {@code days}, drained after each record. */
    private static SloWindows steadyTraffic(WindowPlan plan, int days, long goodPerMinute, long badPerMinute, StoredParts store) {
        SloWindows windows = SloWindows.startAt(plan, START);
        for (long minute = 0; minute < days * 24L * 60; minute++) {
            Instant time = START.plus(Duration.ofMinutes(minute));
            windows.record(time, goodPerMinute, 0);
            store.drain(windows);
            windows.record(time.plusSeconds(30), 0, badPerMinute);
            store.drain(windows);
        }
        return windows;
    }

    @Test
    void shouldRebuildTheSameStateFromItsPartsAndKeepBehavingTheSame() {
        WindowPlan plan = new WindowPlan(new SliUnit.Minutes(0.95), Duration.ofMinutes(3), DEFAULT_PAIR_WINDOWS_AND_FORECAST,
                new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("Asia/Kolkata")));
        SloWindows original = SloWindows.startAt(plan, START);
        StoredParts store = new StoredParts();
        Random random = new Random(7);
        Instant now = START;
        for (int step = 0; step < 3000; step++) {
            now = now.plusSeconds(20 + random.nextInt(200));
            original.record(now.minusSeconds(random.nextInt(240)), random.nextInt(100), random.nextInt(8));
            store.drain(original);
        }

        SloWindows rebuilt = store.rebuild();
        StoredParts rebuiltStore = store.copy();

        assertThat(rebuilt.plan()).isEqualTo(plan);
        assertThat(rebuilt.sums()).isEqualTo(original.sums());
        assertThat(rebuilt.lateEvents()).isEqualTo(original.lateEvents()).isPositive();
        for (int step = 0; step < 500; step++) {
            now = now.plusSeconds(20 + random.nextInt(200));
            Instant time = now.minusSeconds(random.nextInt(240));
            long good = random.nextInt(100);
            long bad = random.nextInt(8);
            assertThat(rebuilt.record(time, good, bad)).isEqualTo(original.record(time, good, bad));
            assertThat(rebuilt.sums()).isEqualTo(original.sums());
            store.drain(original);
            rebuiltStore.drain(rebuilt);
        }
        assertThat(rebuiltStore.contents()).isEqualTo(store.contents());
    }

    @Test
    void shouldWriteOnlyTheHeaderForAnEventInTheOpenMinute() {
        StoredParts store = new StoredParts();
        SloWindows windows = steadyTraffic(rolling30d(), 1, 100, 1, store);
        store.resetCounts();

        windows.record(windows.latest().plusSeconds(10), 5, 1);
        store.drain(windows);

        assertThat(store.puts).isEqualTo(1);
        assertThat(store.deletes).isZero();
    }

    @Test
    void shouldLeaveForgottenChangesOutOfTheNextWriteOut() {
        StoredParts store = new StoredParts();
        SloWindows windows = steadyTraffic(rolling30d(), 1, 100, 1, store);
        // the first day ends at midnight: every ring's bucket closes, and those changes are forgotten
        windows.record(START.plus(Duration.ofDays(1)), 5, 0);
        WindowParts.forgetChanges(windows);
        store.resetCounts();

        store.drain(windows);
        assertThat(store.puts).as("nothing changed since").isZero();

        windows.record(windows.latest().plusSeconds(10), 5, 1);
        store.drain(windows);
        assertThat(store.puts).as("the header alone, not the slots that closed before").isEqualTo(1);
        assertThat(store.deletes).isZero();
    }

    @Test
    void shouldWriteTheClosedBucketOfEachRingWhenAMinuteCloses() {
        StoredParts store = new StoredParts();
        SloWindows windows = steadyTraffic(rolling30d(), 1, 100, 1, store);
        store.resetCounts();

        // the first day ends at midnight: the minute, the 10-minute and the hour bucket all close
        windows.record(START.plus(Duration.ofDays(1)), 5, 0);
        store.drain(windows);

        assertThat(store.puts).as("header and one closed slot per ring").isEqualTo(4);
    }

    @Test
    void shouldStayUnderFiftyKilobytesForAThirtyDaySloAfterFortyDaysOfTraffic() {
        StoredParts store = new StoredParts();
        steadyTraffic(rolling30d(), 40, 997, 3, store);

        assertThat(store.storedBytes(PREFIX)).isLessThan(SIZE_BOUND);
    }

    @Test
    void shouldStayUnderFiftyKilobytesEvenWithABillionEventsAMinute() {
        StoredParts store = new StoredParts();
        steadyTraffic(rolling30d(), 31, 1_000_000_000L, 1_000_000_000L, store);

        assertThat(store.storedBytes(PREFIX)).isLessThan(SIZE_BOUND);
    }

    @Test
    void shouldDropTheSlotsThatAJumpOfDaysEmpties() {
        StoredParts store = new StoredParts();
        SloWindows windows = steadyTraffic(rolling30d(), 2, 100, 1, store);

        windows.advanceTo(windows.latest().plus(Duration.ofDays(60)));
        store.drain(windows);

        // the header, and each ring's newest slot as it was: stale, ignored, rewritten when the bucket closes
        assertThat(store.size()).isLessThanOrEqualTo(1 + 3);
        assertThat(store.rebuild().sums()).isEqualTo(windows.sums());
    }

    @Test
    void shouldDeleteOnlyTheSlotsThatHeldSomethingWhenASparseSeriesMovesOn() {
        StoredParts store = new StoredParts();
        SloWindows windows = SloWindows.startAt(rolling30d(), START);
        windows.record(START, 1, 0);
        store.drain(windows);
        windows.record(START.plus(Duration.ofHours(3)), 1, 0);
        store.drain(windows);
        store.resetCounts();

        // 29 days later: every ring wraps; of the buckets that leave, only the two minutes with an event had slots stored
        windows.record(START.plus(Duration.ofDays(29)), 1, 0);
        store.drain(windows);

        assertThat(store.deletes).as("not a delete per slot of every ring (about 1 200)").isLessThanOrEqualTo(2 + 3);
        assertThat(store.rebuild().sums()).isEqualTo(windows.sums());
    }

    @Test
    void shouldHaveNoStateWithoutParts() {
        assertThat(WindowParts.rebuild(List.of())).isEmpty();
    }

    @Test
    void shouldRefuseAnotherVersion() {
        List<Part> parts = partsOf(SloWindows.startAt(rolling30d(), START));
        parts.get(0).value()[0] = 2;

        assertThatThrownBy(() -> WindowParts.rebuild(parts))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window state has version 2; this build reads version 1");
    }

    @Test
    void shouldRefuseATruncatedHeader() {
        List<Part> parts = partsOf(SloWindows.startAt(rolling30d(), START));
        byte[] header = parts.get(0).value();

        assertThatThrownBy(() -> WindowParts.rebuild(List.of(new Part(parts.get(0).name(), Arrays.copyOf(header, header.length - 1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void shouldRefuseASlotThePlanDoesNotHold() {
        List<Part> parts = new ArrayList<>(partsOf(SloWindows.startAt(rolling30d(), START)));
        parts.add(new Part(WindowCodec.slotName(0, 4000), new byte[] {1, 0, 0}));

        assertThatThrownBy(() -> WindowParts.rebuild(parts))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window state has slot 4000 of ring 0, which its plan does not hold");
    }

    /** The parts a new state writes: its header. */
    private static List<Part> partsOf(SloWindows fresh) {
        return new StoredParts().drain(fresh).list();
    }
}
