package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketRingTest {

    /** Five 10-minute buckets, the newest holding minutes 70 to 79, each holding its first minute as good units. */
    private static BucketRing fullRing() {
        BucketRing ring = new BucketRing(10, 5, 75);
        for (long minute = 30; minute <= 70; minute += 10) {
            ring.add(minute, new Tally(minute, 0, minute));
        }
        return ring;
    }

    private static List<Long> goodByBucket(BucketRing ring) {
        List<Long> good = new ArrayList<>();
        for (long minute = ring.oldestMinute(); minute <= ring.newestBucket() * ring.granularity(); minute += ring.granularity()) {
            good.add(ring.get(minute).good());
        }
        return good;
    }

    @ParameterizedTest(name = "slot of bucket {0} of {1} slots: {2}")
    @CsvSource({
            "0, 5, 0", "4, 5, 4", "5, 5, 0", "12, 5, 2",
            // before 1970 the buckets count on downwards and keep their slots
            "-1, 5, 4", "-5, 5, 0", "-6, 5, 4",
            "29660460, 360, 60", "494341, 721, 456",
    })
    void shouldPlaceABucketByItsNumberAlone(long bucket, int capacity, int slot) {
        assertThat(BucketRing.slotOf(bucket, capacity)).isEqualTo(slot);
    }

    @ParameterizedTest(name = "to minute {0}: buckets {1}")
    @CsvSource(delimiter = ';', value = {
            // a minute in the newest bucket moves nothing, nor does an earlier one
            "79;  30, 40, 50, 60, 70",
            "12;  30, 40, 50, 60, 70",
            "80;  40, 50, 60, 70, 0",
            "99;  50, 60, 70, 0, 0",
            "119; 70, 0, 0, 0, 0",
            // five buckets or more: every slot empties in one pass
            "120; 0, 0, 0, 0, 0",
            "5000; 0, 0, 0, 0, 0",
    })
    void shouldEmptyExactlyTheBucketsThatEnter(long watermark, String expected) {
        BucketRing ring = fullRing();

        ring.advanceTo(watermark);

        assertThat(goodByBucket(ring)).map(String::valueOf).containsExactly(expected.split(",\\s*"));
        assertThat(ring.newestBucket()).isEqualTo(Math.max(7, Math.floorDiv(watermark, 10)));
    }

    @Test
    void shouldAddEveryMinuteOfABucketToItsOneSlot() {
        BucketRing ring = new BucketRing(10, 5, 75);

        int first = ring.add(70, new Tally(1, 2, 4));
        int last = ring.add(79, new Tally(10, 0, 10));

        assertThat(first).isEqualTo(last).isEqualTo(ring.newestSlot()).isEqualTo(2);
        assertThat(ring.get(75)).isEqualTo(ring.slot(2)).isEqualTo(new Tally(11, 2, 14));
        assertThat(ring.oldestMinute()).isEqualTo(30);
    }

    @ParameterizedTest(name = "minute {0}")
    @CsvSource({"29", "80", "-1"})
    void shouldRefuseAMinuteOutsideTheLiveBuckets(long minute) {
        BucketRing ring = new BucketRing(10, 5, 75);

        assertThatThrownBy(() -> ring.add(minute, new Tally(1, 0, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("minute " + minute + " is outside the live 10-minute buckets 30..79");
    }

    @Test
    void shouldRestoreASlotAsItWasStored() {
        BucketRing ring = fullRing();

        ring.restoreSlot(0, new Tally(1, 2, 3));

        assertThat(ring.get(50)).isEqualTo(new Tally(1, 2, 3));
    }

    @Test
    void shouldKeepEventsApartFromUnitsWhereTheyDiffer() {
        BucketRing ring = new BucketRing(60, 3, 120);

        // timeslices: one bad minute behind 5 000 000 000 events, then a good one of 7
        ring.add(120, new Tally(0, 1, 5_000_000_000L));
        ring.add(121, new Tally(1, 0, 7));
        ring.add(60, new Tally(2, 3, 5));

        assertThat(ring.get(150)).isEqualTo(new Tally(1, 1, 5_000_000_007L));
        assertThat(ring.get(60)).isEqualTo(new Tally(2, 3, 5));
        ring.restoreSlot(ring.newestSlot(), new Tally(4, 0, 4));
        assertThat(ring.get(120)).isEqualTo(new Tally(4, 0, 4));
    }

    @Test
    void shouldHoldNothingOnceEveryBucketLeft() {
        BucketRing ring = fullRing();
        ring.add(70, new Tally(Long.MAX_VALUE / 2, 1, Long.MAX_VALUE / 2 + 5));

        ring.advanceTo(200);
        ring.add(200, new Tally(1, 0, 1));

        assertThat(goodByBucket(ring)).containsExactly(0L, 0L, 0L, 0L, 1L);
        assertThat(ring.get(200)).isEqualTo(new Tally(1, 0, 1));
    }
}
