package dev.slopipeline.streams.window;

import java.time.Duration;
import java.util.Optional;

/**
 * The running sum of one rolling window (see {@link WindowPlan} for what it covers). Events add to it
 * as they arrive; when the watermark moves, the buckets that leave its old edge are subtracted, read
 * back from the ring of its granularity, so its cost per move is the buckets that leave, never the
 * window's length.
 */
final class SlidingSum {

    /** Reads what a bucket contributes to the windows, addressed by its first minute. */
    @FunctionalInterface
    interface BucketSource {
        Tally contributionAt(long bucketStartMinute);
    }

    private final Duration length;
    private final int granularity;
    private final BucketSource buckets;
    private long firstMinute;
    private Tally sum = Tally.ZERO;

    SlidingSum(Duration length, BucketSource buckets, long watermark) {
        this.length = length;
        this.granularity = WindowPlan.granularityMinutes(length);
        this.buckets = buckets;
        this.firstMinute = firstMinute(watermark, length.toMinutes(), granularity);
    }

    /**
     * The first minute that a window of {@code lengthMinutes} summed in {@code granularity}-minute
     * buckets covers at watermark minute {@code watermark}: {@code alignDown(W - L + 1, g)}, buckets
     * aligned to the epoch.
     */
    static long firstMinute(long watermark, long lengthMinutes, int granularity) {
        return EpochMinutes.alignDown(watermark - lengthMinutes + 1, granularity);
    }

    Duration length() {
        return length;
    }

    Tally sum() {
        return sum;
    }

    long firstMinute() {
        return firstMinute;
    }

    /** This window's sum as the SLO window's: from its aligned old edge, its nominal length, never reset. */
    BudgetWindowSum asBudget() {
        return new BudgetWindowSum(sum, EpochMinutes.start(firstMinute), length, Optional.empty());
    }

    void restore(Tally stored) {
        sum = stored;
    }

    /** Adds a change to a minute at or before the watermark, if this window covers that minute. */
    void add(long minute, Tally delta) {
        if (minute >= firstMinute) {
            sum = sum.plus(delta);
        }
    }

    /** Subtracts what leaves when the watermark moves forward; call before the rings reuse their slots. */
    void advance(long oldWatermark, long newWatermark) {
        long newFirstMinute = firstMinute(newWatermark, length.toMinutes(), granularity);
        if (newFirstMinute > oldWatermark) {
            sum = Tally.ZERO;
        } else {
            for (long bucket = firstMinute; bucket < newFirstMinute; bucket += granularity) {
                sum = sum.minus(buckets.contributionAt(bucket));
            }
        }
        firstMinute = newFirstMinute;
    }
}
