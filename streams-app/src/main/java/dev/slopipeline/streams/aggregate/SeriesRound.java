package dev.slopipeline.streams.aggregate;

import java.time.Duration;
import java.util.List;

/**
 * A round over a task's series, spread over {@code slices} punctuations: each takes the next slice in key order, so
 * that a round visits every series once (one that came meanwhile as well, if its key is still ahead) while no single
 * punctuation holds up the stream thread, and the alerts waiting behind it, for the whole round. With one slice every
 * punctuation visits every series, from the first.
 */
final class SeriesRound {

    private final OwnedSeries owned;
    private final int slices;
    /** The last series visited, where the next slice starts after; null before the first. */
    private String last;

    SeriesRound(OwnedSeries owned, int slices) {
        if (slices < 1) {
            throw new IllegalArgumentException("a round needs at least one slice, got " + slices);
        }
        this.owned = owned;
        this.slices = slices;
    }

    /** How often a slice is due so that a round takes {@code interval}. */
    static Duration sliceInterval(Duration interval, int slices) {
        Duration slice = interval.dividedBy(slices);
        return slice.isZero() ? Duration.ofMillis(1) : slice;
    }

    /** The series to visit now: a share of those here, rounded up, so that a round never needs more slices. */
    List<String> nextSlice() {
        int count = (owned.size() + slices - 1) / slices;
        List<String> slice = owned.following(last, count);
        if (!slice.isEmpty()) {
            last = slice.get(slice.size() - 1);
        }
        return slice;
    }
}
