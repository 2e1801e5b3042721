package dev.slopipeline.streams.window;

import java.util.Objects;

/**
 * A fixed number of counters, all zero at first, each stored only as wide as the largest value the
 * array has held needs: nothing while all are zero, then shorts, widened to ints and to longs when a
 * value no longer fits.
 *
 * <p>Why: an SLO series keeps about 1 200 buckets (its minute, 10-minute and hourly rings), and with the
 * sparse traffic most series see (a few events a minute, a few hundred an hour) every count fits in a
 * short. Plain longs made the buckets three quarters of the heap a series costs; these hold the same
 * values in a quarter of the bytes, and in none for a ring that has emptied.
 */
final class PackedCounters {

    private final int size;
    /** At most one of the three is set; none while every counter is zero. */
    private short[] shorts;
    private int[] ints;
    private long[] longs;

    PackedCounters(int size) {
        this.size = size;
    }

    int size() {
        return size;
    }

    long get(int index) {
        if (shorts != null) {
            return shorts[index];
        }
        if (ints != null) {
            return ints[index];
        }
        if (longs != null) {
            return longs[index];
        }
        Objects.checkIndex(index, size);
        return 0;
    }

    void set(int index, long value) {
        if (shorts == null && ints == null && longs == null) {
            Objects.checkIndex(index, size);
            if (value == 0) {
                return;
            }
            shorts = new short[size];
        }
        if (shorts != null) {
            if (value == (short) value) {
                shorts[index] = (short) value;
                return;
            }
            widenToInts();
        }
        if (ints != null) {
            if (value == (int) value) {
                ints[index] = (int) value;
                return;
            }
            widenToLongs();
        }
        longs[index] = value;
    }

    void add(int index, long delta) {
        if (delta != 0) {
            set(index, get(index) + delta);
        }
    }

    /** Every counter back to zero, and the memory they held given back. */
    void clear() {
        shorts = null;
        ints = null;
        longs = null;
    }

    private void widenToInts() {
        ints = new int[size];
        for (int i = 0; i < size; i++) {
            ints[i] = shorts[i];
        }
        shorts = null;
    }

    private void widenToLongs() {
        longs = new long[size];
        for (int i = 0; i < size; i++) {
            longs[i] = ints[i];
        }
        ints = null;
    }
}
