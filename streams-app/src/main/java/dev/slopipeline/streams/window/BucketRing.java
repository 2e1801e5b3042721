package dev.slopipeline.streams.window;

import java.util.Arrays;

/**
 * The most recent buckets of one granularity, newest at the watermark, in a fixed ring: moving the
 * watermark clears the slots that new buckets take over, and never costs more than one pass.
 *
 * <p>Positions are minutes; a bucket is addressed by any minute it holds. Only live buckets (the
 * {@code capacity} newest) may be read or written.
 */
final class BucketRing {

    private final int granularity;
    private final long[] good;
    private final long[] bad;
    private final long[] events;
    private long newestBucket;

    BucketRing(int granularity, int capacity, long watermark) {
        this.granularity = granularity;
        this.good = new long[capacity];
        this.bad = new long[capacity];
        this.events = new long[capacity];
        this.newestBucket = Math.floorDiv(watermark, granularity);
    }

    int granularity() {
        return granularity;
    }

    int capacity() {
        return good.length;
    }

    /** The first minute of the oldest live bucket. */
    long oldestMinute() {
        return (newestBucket - capacity() + 1) * granularity;
    }

    Tally get(long minute) {
        int slot = slotOf(minute);
        return new Tally(good[slot], bad[slot], events[slot]);
    }

    void add(long minute, Tally delta) {
        int slot = slotOf(minute);
        good[slot] += delta.good();
        bad[slot] += delta.bad();
        events[slot] += delta.events();
    }

    void set(long minute, Tally value) {
        int slot = slotOf(minute);
        good[slot] = value.good();
        bad[slot] = value.bad();
        events[slot] = value.events();
    }

    /** Moves the newest bucket to the one holding {@code watermark}, emptying the buckets that enter. */
    void advanceTo(long watermark) {
        long target = Math.floorDiv(watermark, granularity);
        long entering = target - newestBucket;
        if (entering >= capacity()) {
            Arrays.fill(good, 0);
            Arrays.fill(bad, 0);
            Arrays.fill(events, 0);
        } else {
            for (long bucket = newestBucket + 1; bucket <= target; bucket++) {
                int slot = (int) Math.floorMod(bucket, (long) capacity());
                good[slot] = 0;
                bad[slot] = 0;
                events[slot] = 0;
            }
        }
        newestBucket = Math.max(newestBucket, target);
    }

    private int slotOf(long minute) {
        long bucket = Math.floorDiv(minute, granularity);
        if (bucket > newestBucket || bucket <= newestBucket - capacity()) {
            throw new IllegalStateException("minute " + minute + " is outside the live " + granularity
                    + "-minute buckets " + oldestMinute() + ".." + ((newestBucket + 1) * granularity - 1));
        }
        return (int) Math.floorMod(bucket, (long) capacity());
    }
}
