package dev.slopipeline.bench.latency;

import java.util.HashMap;
import java.util.Map;

/**
 * The ground truth of one SLO: its requests in minute buckets of event time, and whether a page pair
 * of a 99.9 % SLO over 30 days holds (1h and 5m above 14.4 × budget, or 6h and 30m above 6 ×
 * budget), summed exactly. The event after which it first holds is the one a page should follow.
 */
final class PagePairs {

    private static final double BUDGET = 0.001;
    /** long window, short window (minutes), factor */
    private static final double[][] PAIRS = {{60, 5, 14.4}, {360, 30, 6}};

    private final Map<Long, long[]> minutes = new HashMap<>();

    void count(long epochMinute, boolean bad) {
        long[] bucket = minutes.computeIfAbsent(epochMinute, m -> new long[2]);
        bucket[0]++;
        if (bad) {
            bucket[1]++;
        }
    }

    boolean pageHolds(long epochMinute) {
        for (double[] pair : PAIRS) {
            double threshold = pair[2] * BUDGET;
            if (ratio(epochMinute, (int) pair[0]) > threshold && ratio(epochMinute, (int) pair[1]) > threshold) {
                return true;
            }
        }
        return false;
    }

    private double ratio(long newest, int length) {
        long total = 0;
        long bad = 0;
        for (long minute = newest - length + 1; minute <= newest; minute++) {
            long[] bucket = minutes.get(minute);
            if (bucket != null) {
                total += bucket[0];
                bad += bucket[1];
            }
        }
        return total == 0 ? 0 : (double) bad / total;
    }
}
