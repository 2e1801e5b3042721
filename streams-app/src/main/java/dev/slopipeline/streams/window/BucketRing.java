package dev.slopipeline.streams.window;

/**
 * The most recent buckets of one granularity, newest at the watermark, in a fixed ring over compact
 * arrays ({@link PackedCounters}): moving the watermark empties the slots that new buckets take over, and
 * never costs more than one pass.
 *
 * <p>Positions are minutes; a bucket is addressed by any minute it holds. Only live buckets (the
 * {@code capacity} newest) may be read or written. Buckets are numbered from the epoch and a bucket's
 * slot follows from its number alone ({@link #slotOf(long, int)}), so a slot means the same place for
 * the life of the ring: that is what lets the store keep one part per slot.
 *
 * <p>Arithmetic only. Which slots changed since the store last saw them is {@link WindowChanges}'
 * business, and their bytes {@link WindowCodec}'s.
 */
final class BucketRing {

    private final int granularity;
    private final PackedCounters good;
    private final PackedCounters bad;
    /**
     * Events minus units, per slot; null while that is zero everywhere. Raw events (the minute ring) and
     * occurrences count a unit per event, so only timeslice rings need it: storing it apart keeps the
     * others at two counters a slot.
     */
    private PackedCounters extraEvents;
    private long newestBucket;

    BucketRing(int granularity, int capacity, long watermark) {
        this.granularity = granularity;
        this.good = new PackedCounters(capacity);
        this.bad = new PackedCounters(capacity);
        this.newestBucket = Math.floorDiv(watermark, granularity);
    }

    /** The slot of bucket number {@code bucket} (buckets counted from the epoch) in a ring of {@code capacity} slots. */
    static int slotOf(long bucket, int capacity) {
        return (int) Math.floorMod(bucket, (long) capacity);
    }

    int granularity() {
        return granularity;
    }

    int capacity() {
        return good.size();
    }

    /** The number of the bucket at the watermark, counted from the epoch. */
    long newestBucket() {
        return newestBucket;
    }

    /** The first minute of the oldest live bucket. */
    long oldestMinute() {
        return (newestBucket - capacity() + 1) * granularity;
    }

    /** The slot holding the newest bucket, the one at the watermark. */
    int newestSlot() {
        return slotOf(newestBucket, capacity());
    }

    Tally get(long minute) {
        return slot(liveSlot(minute));
    }

    /** Adds to the bucket holding {@code minute}; returns its slot. */
    int add(long minute, Tally delta) {
        int slot = liveSlot(minute);
        good.add(slot, delta.good());
        bad.add(slot, delta.bad());
        addExtraEvents(slot, delta.events() - delta.total());
        return slot;
    }

    boolean isEmpty(int slot) {
        return good.get(slot) == 0 && bad.get(slot) == 0 && (extraEvents == null || extraEvents.get(slot) == 0);
    }

    Tally slot(int slot) {
        long units = good.get(slot) + bad.get(slot);
        return new Tally(good.get(slot), bad.get(slot), extraEvents == null ? units : units + extraEvents.get(slot));
    }

    /** Sets a slot as read back from a store. */
    void restoreSlot(int slot, Tally value) {
        good.set(slot, value.good());
        bad.set(slot, value.bad());
        if (extraEvents != null) {
            extraEvents.set(slot, 0);
        }
        addExtraEvents(slot, value.events() - value.total());
    }

    private void addExtraEvents(int slot, long extra) {
        if (extra == 0) {
            return;
        }
        if (extraEvents == null) {
            extraEvents = new PackedCounters(capacity());
        }
        extraEvents.add(slot, extra);
    }

    private void clearSlot(int slot) {
        good.set(slot, 0);
        bad.set(slot, 0);
        if (extraEvents != null) {
            extraEvents.set(slot, 0);
        }
    }

    /** Moves the newest bucket to the one holding {@code watermark}, emptying the buckets that enter. */
    void advanceTo(long watermark) {
        long target = Math.floorDiv(watermark, granularity);
        long entering = target - newestBucket;
        if (entering <= 0) {
            return;
        }
        if (entering >= capacity()) {
            good.clear();
            bad.clear();
            extraEvents = null;
        } else {
            for (long bucket = newestBucket + 1; bucket <= target; bucket++) {
                clearSlot(slotOf(bucket, capacity()));
            }
        }
        newestBucket = target;
    }

    private int liveSlot(long minute) {
        long bucket = Math.floorDiv(minute, granularity);
        if (bucket > newestBucket || bucket <= newestBucket - capacity()) {
            throw new IllegalStateException("minute " + minute + " is outside the live " + granularity
                    + "-minute buckets " + oldestMinute() + ".." + ((newestBucket + 1) * granularity - 1));
        }
        return slotOf(bucket, capacity());
    }
}
