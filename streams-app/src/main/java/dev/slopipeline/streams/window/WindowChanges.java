package dev.slopipeline.streams.window;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * What of one SLO's windows the store has not seen yet: whether anything changed since the last
 * write-out (the header is then stale), and for each bucket ring which slots, in the order they
 * changed. The store is kept equal to the windows by writing only those, so a record costs a few small
 * puts instead of the whole state.
 *
 * <p>It sits beside the window math rather than inside it because the two answer different questions:
 * the math what the windows hold, this what the store lacks. {@link SloWindows} notes each change here
 * as it makes it; {@link WindowParts} takes the changes when it writes them out.
 */
final class WindowChanges {

    private final Slots[] rings;
    private boolean any;

    /** @param capacities each ring's slot count, finest first */
    WindowChanges(int[] capacities) {
        this.rings = new Slots[capacities.length];
        for (int ring = 0; ring < capacities.length; ring++) {
            rings[ring] = new Slots(capacities[ring]);
        }
    }

    /** Something changed: at least the header needs writing. */
    void touched() {
        any = true;
    }

    /** A slot of a ring changed. */
    void slot(int ring, int slot) {
        rings[ring].mark(slot);
    }

    /**
     * A ring's newest bucket is about to move from {@code fromBucket} to {@code toBucket}: the bucket that
     * was open is final now and leaves the header for a slot of its own, and the buckets that enter empty
     * their slots. Call before the ring moves: of the slots that enter, only those that {@code held}
     * something have a part in the store to delete; an empty closed slot has none, so marking it would
     * write a delete of nothing (a tombstone per slot on the changelog when an idle series moves on).
     */
    void advancing(int ring, long fromBucket, long toBucket, IntPredicate held) {
        if (toBucket <= fromBucket) {
            return;
        }
        Slots slots = rings[ring];
        int capacity = slots.capacity();
        int closing = BucketRing.slotOf(fromBucket, capacity);
        slots.mark(closing);
        if (toBucket - fromBucket >= capacity) {
            for (int slot = 0; slot < capacity; slot++) {
                if (held.test(slot)) {
                    slots.mark(slot);
                }
            }
        } else {
            for (long bucket = fromBucket + 1; bucket <= toBucket; bucket++) {
                int slot = BucketRing.slotOf(bucket, capacity);
                if (held.test(slot)) {
                    slots.mark(slot);
                }
            }
        }
    }

    /** Whether anything changed since the last call; the slots stay until each ring's are taken. */
    boolean takeAny() {
        boolean was = any;
        any = false;
        return was;
    }

    /** The changed slots of a ring, oldest change first; {@link Slots#clear} forgets them once written. */
    Slots ring(int ring) {
        return rings[ring];
    }

    /**
     * One ring's changed slots: each once, in the order they first changed, so reading them costs the changes, not the capacity.
     * A bit per slot and a list only as long as the changes: every series keeps one of these per ring, and
     * between two write-outs only a slot or two changes.
     */
    static final class Slots {
        private static final int INITIAL_ORDER = 4;

        private final int capacity;
        private final long[] marked;
        private int[] order = new int[INITIAL_ORDER];
        private int count;

        Slots(int capacity) {
            this.capacity = capacity;
            this.marked = new long[(capacity + Long.SIZE - 1) / Long.SIZE];
        }

        int capacity() {
            return capacity;
        }

        void mark(int slot) {
            Objects.checkIndex(slot, capacity);
            long bit = 1L << slot;
            if ((marked[slot >>> 6] & bit) == 0) {
                marked[slot >>> 6] |= bit;
                if (count == order.length) {
                    order = Arrays.copyOf(order, Math.min(capacity, count * 2));
                }
                order[count++] = slot;
            }
        }

        int count() {
            return count;
        }

        /** The {@code i}-th slot to change. */
        int get(int i) {
            return order[i];
        }

        void clear() {
            for (int i = 0; i < count; i++) {
                marked[order[i] >>> 6] &= ~(1L << order[i]);
            }
            count = 0;
            if (order.length > INITIAL_ORDER) {
                // a jump of the watermark marks a whole ring; do not keep that list for the life of the series
                order = new int[INITIAL_ORDER];
            }
        }
    }
}
