package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlidingSumTest {

    @ParameterizedTest(name = "W {0}, L {1} min in {2}-minute buckets: from {3}")
    @CsvSource({
            // minute buckets: exactly the last L minutes, the watermark's included
            "617, 1, 1, 617",
            "617, 5, 1, 613",
            "617, 360, 1, 258",
            // coarser buckets: the old edge moves a whole bucket at a time, buckets aligned to the epoch
            "617, 1440, 10, -830",
            "619, 1440, 10, -820",
            "617, 4320, 60, -3720",
            "-5, 720, 10, -730",
    })
    void shouldCoverFromTheAlignedOldEdgeToTheWatermark(long watermark, long length, int granularity, long first) {
        assertThat(SlidingSum.firstMinute(watermark, length, granularity)).isEqualTo(first);
        assertThat(watermark - first + 1).as("minutes covered").isBetween(length, length + granularity - 1);
    }

    /** A 5-minute window at watermark 10, each minute 6 to 10 holding its number as good units; the buckets it reads back. */
    private static final class FiveMinutes {
        final List<Long> read = new ArrayList<>();
        final SlidingSum window = new SlidingSum(Duration.ofMinutes(5), minute -> {
            read.add(minute);
            return new Tally(minute, 0, minute);
        }, 10);

        FiveMinutes() {
            for (long minute = 6; minute <= 10; minute++) {
                window.add(minute, new Tally(minute, 0, minute));
            }
        }
    }

    @ParameterizedTest(name = "to {0}: {1} good, read back {2}")
    @CsvSource(delimiter = ';', value = {
            "10;   40; ",
            "11;   34; 6",
            "14;   10; 6 7 8 9",
            // nothing it held is left: it empties without reading a bucket
            "15;   0; ",
            "1000; 0; ",
    })
    void shouldSubtractOnlyTheBucketsThatLeaveItsOldEdge(long watermark, long good, String read) {
        FiveMinutes five = new FiveMinutes();

        if (watermark > 10) {
            five.window.advance(10, watermark);
        }

        assertThat(five.window.sum()).isEqualTo(new Tally(good, 0, good));
        assertThat(five.window.firstMinute()).isEqualTo(watermark - 4);
        List<Long> expectedReads = read == null ? List.of() : Arrays.stream(read.split(" ")).map(Long::valueOf).toList();
        assertThat(five.read).isEqualTo(expectedReads);
    }

    @Test
    void shouldIgnoreAMinuteBeforeItsOldEdge() {
        FiveMinutes five = new FiveMinutes();

        five.window.add(5, new Tally(0, 100, 100));

        assertThat(five.window.sum()).isEqualTo(new Tally(40, 0, 40));
    }

    @Test
    void shouldStandForARollingSloWindowFromItsOldEdgeNeverResetting() {
        FiveMinutes five = new FiveMinutes();

        assertThat(five.window.asBudget()).isEqualTo(new BudgetWindowSum(new Tally(40, 0, 40),
                Instant.parse("1970-01-01T00:06:00Z"), Duration.ofMinutes(5), Optional.empty()));
    }
}
