package dev.slopipeline.streams.window;

import java.util.Arrays;

/**
 * The most recent buckets of one granularity, newest at the watermark, in a fixed ring: moving the
 * watermark clears the slots that new buckets take over, and never costs more than one pass.
 *
 * <p>Positions are minutes; a bucket is addressed by any minute it holds. Only live buckets (the
 * {@code capacity} newest) may be read or written.
 *
 * <p>The ring remembers which slots changed since {@link #drainDirty} last ran, so that a state store
 * can be kept equal to it by writing only those slots. The newest slot is reported once it stops
 * being the newest: while open it changes with nearly every event, and the store keeps it in the
 * window header instead (see {@link WindowParts}).
 */
final class BucketRing {

    private final int granularity;
    private final long[] good;
    private final long[] bad;
    private final long[] events;
    private final boolean[] dirty;
    /** The dirty slots in the order they changed, so draining costs the changes, not the capacity. */
    private final int[] dirtySlots;
    private int dirtyCount;
    private long newestBucket;

    /** Receives a slot that changed and is no longer the newest. */
    @FunctionalInterface
    interface SlotVisitor {
        void slot(int slot, Tally tally);
    }

    BucketRing(int granularity, int capacity, long watermark) {
        this.granularity = granularity;
        this.good = new long[capacity];
        this.bad = new long[capacity];
        this.events = new long[capacity];
        this.dirty = new boolean[capacity];
        this.dirtySlots = new int[capacity];
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
        markDirty(slot);
    }

    /** The slot holding the newest bucket, the one at the watermark. */
    int newestSlot() {
        return (int) Math.floorMod(newestBucket, (long) capacity());
    }

    Tally slot(int slot) {
        return new Tally(good[slot], bad[slot], events[slot]);
    }

    /** Sets a slot as read back from a store; not a change. */
    void restoreSlot(int slot, Tally value) {
        good[slot] = value.good();
        bad[slot] = value.bad();
        events[slot] = value.events();
    }

    /** Hands every slot changed since the last drain, except the newest, to the visitor; then forgets them. */
    void drainDirty(SlotVisitor visitor) {
        int newest = newestSlot();
        for (int i = 0; i < dirtyCount; i++) {
            int slot = dirtySlots[i];
            dirty[slot] = false;
            if (slot != newest) {
                visitor.slot(slot, slot(slot));
            }
        }
        dirtyCount = 0;
    }

    /** Moves the newest bucket to the one holding {@code watermark}, emptying the buckets that enter. */
    void advanceTo(long watermark) {
        long target = Math.floorDiv(watermark, granularity);
        long entering = target - newestBucket;
        if (entering <= 0) {
            return;
        }
        // the bucket that was open is final now: it leaves the header and must be stored as a slot
        markDirty(newestSlot());
        if (entering >= capacity()) {
            Arrays.fill(good, 0);
            Arrays.fill(bad, 0);
            Arrays.fill(events, 0);
            for (int slot = 0; slot < capacity(); slot++) {
                markDirty(slot);
            }
        } else {
            for (long bucket = newestBucket + 1; bucket <= target; bucket++) {
                int slot = (int) Math.floorMod(bucket, (long) capacity());
                good[slot] = 0;
                bad[slot] = 0;
                events[slot] = 0;
                markDirty(slot);
            }
        }
        newestBucket = target;
    }

    private void markDirty(int slot) {
        if (!dirty[slot]) {
            dirty[slot] = true;
            dirtySlots[dirtyCount++] = slot;
        }
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
