package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.definitions.model.SloWindow;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowPlanTest {

    private static final List<Duration> DEFAULT_PAIR_WINDOWS = List.of(
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));

    @ParameterizedTest(name = "{0} in {1}-minute buckets")
    @CsvSource({
            "5m, 1", "30m, 1", "1h, 1", "2h, 1", "6h, 1", "11h59m, 1",
            "12h, 10", "1d, 10", "2d23h59m, 10",
            "3d, 60", "7d, 60", "30d, 60", "71d23h59m, 60",
            "72d, 1440", "365d, 1440",
    })
    void shouldSumEachWindowInTheCoarsestBucketsBelowOneSeventySecondOfItsLength(String window, int granularity) {
        assertThat(WindowPlan.granularityMinutes(DurationSyntax.parse(window))).isEqualTo(granularity);
    }

    @Test
    void shouldSizeTheRingsOfAThirtyDaySloForItsLongestWindowAtEachGranularity() {
        WindowPlan plan = new WindowPlan(new SliUnit.Events(), WindowPlan.DEFAULT_GRACE, DEFAULT_PAIR_WINDOWS,
                new SloWindow.Rolling(Duration.ofDays(30)));

        // 6 h of minutes; 1 d in 10-minute buckets plus the partial one; 30 d in hours plus the partial one
        assertThat(plan.ringCapacities()).isEqualTo(Map.of(1, 360, 10, 145, 60, 721));
        assertThat(plan.rollingWindows()).endsWith(Duration.ofDays(3), Duration.ofDays(30));
    }

    @Test
    void shouldKeepMinutesForTheGraceWhenNoWindowNeedsThem() {
        WindowPlan plan = new WindowPlan(new SliUnit.Events(), Duration.ofMinutes(2), List.of(Duration.ofDays(3)),
                new SloWindow.Calendar(SloWindow.CalendarPeriod.WEEK, ZoneId.of("UTC")));

        assertThat(plan.ringCapacities()).isEqualTo(Map.of(1, 3, 60, 73));
    }

    @Test
    void shouldListEachWindowOnceShortestFirst() {
        WindowPlan plan = new WindowPlan(new SliUnit.Events(), WindowPlan.DEFAULT_GRACE,
                List.of(Duration.ofHours(6), Duration.ofHours(1), Duration.ofHours(6)), new SloWindow.Rolling(Duration.ofHours(6)));

        assertThat(plan.rollingWindows()).containsExactly(Duration.ofHours(1), Duration.ofHours(6));
    }

    @Test
    void shouldRefuseWindowsThatAreNotWholeMinutes() {
        assertThatThrownBy(() -> new WindowPlan(new SliUnit.Events(), WindowPlan.DEFAULT_GRACE,
                List.of(Duration.ofSeconds(90)), new SloWindow.Rolling(Duration.ofDays(30))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole minutes").hasMessageContaining("PT1M30S");
    }
}
