package dev.slopipeline.streams.window;

import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one SLO's {@link SloWindows} track: the unit counted, the grace for out-of-order events, the
 * rolling windows (those of its alert pairs, plus any the evaluation needs) and its budget window.
 *
 * <h2>Window definition</h2>
 * With watermark minute {@code W} (the latest event-time minute seen), a rolling window of length
 * {@code L} summed in buckets of {@code g} minutes covers the minutes from
 * {@code alignDown(W - L + 1, g)} to {@code W} inclusive, buckets aligned to the epoch (UTC). The
 * current minute {@code W} is included while it fills. Its old edge therefore moves a whole bucket at
 * a time: it covers at least {@code L} and at most {@code L + g - 1} minutes.
 *
 * <p>{@code g} is the coarsest of 1 day, 1 hour and 10 minutes with {@code 72 × g <= L}, else 1 minute,
 * so every window covers less than 1/72 (1.4 %) more than its length while no window needs more
 * than 720 buckets below a day:
 * <pre>
 *   L < 12 h          1-minute buckets   5m, 30m, 1h, 2h, 6h: exactly L
 *   12 h <= L < 3 d   10-minute buckets  1d: 24 h to 24 h 9 min
 *   3 d <= L < 72 d   1-hour buckets     3d: 72 h to 72 h 59 min; 30d: 30 d to 30 d 59 min
 *   72 d <= L         1-day buckets (UTC days)
 * </pre>
 *
 * <p>A calendar budget window covers the minutes from the start of the current week (Monday 00:00) or
 * month in the SLO's time zone to {@code W}; it needs no buckets.
 *
 * @param rollingWindows distinct, sorted shortest first; includes the budget window when it is rolling
 */
public record WindowPlan(SliUnit unit, Duration grace, List<Duration> rollingWindows, SloWindow budgetWindow) {

    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);

    /** Coarse bucket sizes in minutes, coarsest first. */
    private static final int[] COARSE_GRANULARITIES = {24 * 60, 60, 10};
    private static final int MAX_OVERCOVER_DIVISOR = 72;

    public WindowPlan {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(budgetWindow, "budgetWindow");
        if (grace.isNegative() || grace.toSecondsPart() != 0 || grace.toNanosPart() != 0) {
            throw new IllegalArgumentException("grace must be a whole, non-negative number of minutes, got " + grace);
        }
        TreeSet<Duration> windows = new TreeSet<>(rollingWindows);
        if (budgetWindow instanceof SloWindow.Rolling rolling) {
            windows.add(rolling.length());
        }
        for (Duration window : windows) {
            if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.toSecondsPart() != 0 || window.toNanosPart() != 0) {
                throw new IllegalArgumentException("windows are whole minutes, at least one; got " + window);
            }
        }
        rollingWindows = List.copyOf(windows);
    }

    /** The plan for an SLO: its unit and budget window, and the given windows (its pairs' and any the caller evaluates). */
    public static WindowPlan forSlo(SloDefinition slo, Collection<Duration> windows, Duration grace) {
        return new WindowPlan(SliUnit.of(slo.budgeting()), grace, List.copyOf(windows), slo.window());
    }

    /** The bucket size, in minutes, at which a window of this length is summed (see the class comment). */
    public static int granularityMinutes(Duration window) {
        long minutes = window.toMinutes();
        for (int granularity : COARSE_GRANULARITIES) {
            if ((long) MAX_OVERCOVER_DIVISOR * granularity <= minutes) {
                return granularity;
            }
        }
        return 1;
    }

    long graceMinutes() {
        return grace.toMinutes();
    }

    /**
     * Bucket rings by granularity and how many buckets each keeps: enough for the longest window at
     * that granularity and for an event at the far end of the grace. The minute ring always exists: it
     * holds each minute's raw events.
     */
    SortedMap<Integer, Integer> ringCapacities() {
        SortedMap<Integer, Integer> capacities = new TreeMap<>();
        capacities.put(1, bucketsTouched(graceMinutes() + 1, 1));
        for (Duration window : rollingWindows) {
            int granularity = granularityMinutes(window);
            int needed = Math.max(bucketsTouched(window.toMinutes(), granularity), bucketsTouched(graceMinutes() + 1, granularity));
            capacities.merge(granularity, needed, Math::max);
        }
        return capacities;
    }

    /** The most {@code g}-minute buckets that a span of consecutive minutes can touch: ceil((n - 1) / g) + 1. */
    private static int bucketsTouched(long minutes, int granularity) {
        return Math.toIntExact((minutes - 1 + granularity - 1) / granularity + 1);
    }
}
