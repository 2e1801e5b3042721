package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.definitions.model.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SloWindowsCodecTest {

    private static final List<Duration> DEFAULT_PAIR_WINDOWS_AND_FORECAST = List.of(
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final int SIZE_BOUND = 50 * 1024;

    private static WindowPlan rolling30d() {
        return new WindowPlan(new SliUnit.Events(), WindowPlan.DEFAULT_GRACE, DEFAULT_PAIR_WINDOWS_AND_FORECAST,
                new SloWindow.Rolling(Duration.ofDays(30)));
    }

    /** One record of good and one of bad events per minute, for {@code days}. */
    private static SloWindows steadyTraffic(WindowPlan plan, int days, long goodPerMinute, long badPerMinute) {
        SloWindows windows = SloWindows.startAt(plan, START);
        for (long minute = 0; minute < days * 24L * 60; minute++) {
            Instant time = START.plus(Duration.ofMinutes(minute));
            windows.record(time, goodPerMinute, 0);
            windows.record(time.plusSeconds(30), 0, badPerMinute);
        }
        return windows;
    }

    @Test
    void shouldRestoreTheSameStateAndKeepBehavingTheSame() {
        WindowPlan plan = new WindowPlan(new SliUnit.Minutes(0.95), Duration.ofMinutes(3), DEFAULT_PAIR_WINDOWS_AND_FORECAST,
                new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("Asia/Kolkata")));
        SloWindows original = SloWindows.startAt(plan, START);
        Random random = new Random(7);
        Instant now = START;
        for (int step = 0; step < 3000; step++) {
            now = now.plusSeconds(20 + random.nextInt(200));
            original.record(now.minusSeconds(random.nextInt(200)), random.nextInt(100), random.nextInt(8));
        }

        SloWindows restored = SloWindows.fromBytes(original.toBytes());

        assertThat(restored.plan()).isEqualTo(plan);
        assertThat(restored.sums()).isEqualTo(original.sums());
        for (int step = 0; step < 500; step++) {
            now = now.plusSeconds(20 + random.nextInt(200));
            Instant time = now.minusSeconds(random.nextInt(200));
            long good = random.nextInt(100);
            long bad = random.nextInt(8);
            assertThat(restored.record(time, good, bad)).isEqualTo(original.record(time, good, bad));
        }
        assertThat(restored.toBytes()).isEqualTo(original.toBytes());
    }

    @Test
    void shouldStayUnderFiftyKilobytesForAThirtyDaySloAfterFortyDaysOfTraffic() {
        SloWindows windows = steadyTraffic(rolling30d(), 40, 997, 3);

        assertThat(windows.toBytes().length).isLessThan(SIZE_BOUND);
    }

    @Test
    void shouldStayUnderFiftyKilobytesEvenWithABillionEventsAMinute() {
        SloWindows windows = steadyTraffic(rolling30d(), 31, 1_000_000_000L, 1_000_000_000L);

        assertThat(windows.toBytes().length).isLessThan(SIZE_BOUND);
    }

    @Test
    void shouldRefuseAnotherVersion() {
        byte[] bytes = SloWindows.startAt(rolling30d(), START).toBytes();
        bytes[0] = 2;

        assertThatThrownBy(() -> SloWindows.fromBytes(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window state has version 2; this build reads version 1");
    }

    @Test
    void shouldRefuseTruncatedBytes() {
        byte[] bytes = steadyTraffic(rolling30d(), 1, 10, 1).toBytes();

        assertThatThrownBy(() -> SloWindows.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
    }
}
