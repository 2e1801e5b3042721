package dev.slopipeline.streams.topology;

import dev.slopipeline.definitions.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the alert definitions imply for per-minute traffic, computed from scratch: brute-force window
 * sums over the minutes, the workbook pairs' thresholds worked out here, and the documented moments
 * of judgement. Nothing here calls the code under test.
 *
 * <p>Traffic is fed one bad record at second 5 and one good record at second 10 of each minute. The
 * topology judges after a record that brought bad events or opened a minute, and (by the wall-clock
 * punctuator) once more after good events that were not judged; so an SLO is judged on the minute
 * holding only its bad events, and on the whole minute. A firing severity resolves at the first
 * judgement where none of its pairs holds and none has held for a minute.
 *
 * <p>Windows (see {@code WindowPlan}): a window of L minutes summed in g-minute buckets covers the
 * minutes from floor((W - L + 1) / g) × g to the watermark W; g is 1 below 12 h, 10 minutes below 3 days,
 * an hour below 72 days.
 */
final class ReferenceAlerts {

    /** A pair with its threshold as an error ratio. */
    record Pair(String name, Severity severity, Duration longWindow, Duration shortWindow, double errorRatio) {
    }

    /** One expected transition. */
    record Expected(Instant at, Severity severity, boolean firing, List<String> pairs, String trigger,
                    double longBurnRate, double shortBurnRate) {
    }

    private final Instant start;
    private final long[] good;
    private final long[] bad;
    private final List<Pair> pairs;
    private final double errorBudget;
    private final long minEvents;

    ReferenceAlerts(Instant start, long[] good, long[] bad, double objectivePercent, long minEvents) {
        this.start = start;
        this.good = good;
        this.bad = bad;
        this.errorBudget = (100 - objectivePercent) / 100;
        this.minEvents = minEvents;
        this.pairs = workbookPairs(errorBudget);
    }

    /** The workbook's pairs for a 30-day window: factor = share of budget × 30 days ÷ long window. */
    static List<Pair> workbookPairs(double errorBudget) {
        double thirtyDaysInHours = 30 * 24;
        return List.of(
                new Pair("page-fast", Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0.02 * thirtyDaysInHours / 1 * errorBudget),
                new Pair("page-slow", Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 0.05 * thirtyDaysInHours / 6 * errorBudget),
                new Pair("ticket-fast", Severity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 0.10 * thirtyDaysInHours / 24 * errorBudget),
                new Pair("ticket-slow", Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 0.10 * thirtyDaysInHours / 72 * errorBudget));
    }

    static Instant badTime(Instant start, int minute) {
        return start.plus(Duration.ofMinutes(minute)).plusSeconds(5);
    }

    static Instant goodTime(Instant start, int minute) {
        return start.plus(Duration.ofMinutes(minute)).plusSeconds(10);
    }

    List<Expected> transitions() {
        List<Expected> expected = new ArrayList<>();
        Map<Severity, String> firing = new EnumMap<>(Severity.class);
        Map<Severity, Instant> lastHeld = new EnumMap<>(Severity.class);
        for (int minute = 0; minute < good.length; minute++) {
            if (bad[minute] > 0) {
                judge(minute, false, badTime(start, minute), firing, lastHeld, expected);
            }
            if (good[minute] > 0) {
                judge(minute, true, goodTime(start, minute), firing, lastHeld, expected);
            }
        }
        return expected;
    }

    private void judge(int watermark, boolean wholeMinute, Instant at, Map<Severity, String> firing,
                       Map<Severity, Instant> lastHeld, List<Expected> expected) {
        for (Severity severity : Severity.values()) {
            List<Pair> holding = new ArrayList<>();
            for (Pair pair : pairs) {
                if (pair.severity() == severity && holds(pair, watermark, wholeMinute)) {
                    holding.add(pair);
                }
            }
            if (!holding.isEmpty()) {
                lastHeld.put(severity, at);
            }
            if (!firing.containsKey(severity) && !holding.isEmpty()) {
                Pair trigger = holding.get(0);
                firing.put(severity, trigger.name());
                expected.add(new Expected(at, severity, true, holding.stream().map(Pair::name).toList(), trigger.name(),
                        burnRate(trigger.longWindow(), watermark, wholeMinute), burnRate(trigger.shortWindow(), watermark, wholeMinute)));
            } else if (firing.containsKey(severity) && holding.isEmpty() && !at.isBefore(lastHeld.get(severity).plusSeconds(60))) {
                Pair trigger = pairs.stream().filter(p -> p.name().equals(firing.get(severity))).findFirst().orElseThrow();
                firing.remove(severity);
                expected.add(new Expected(at, severity, false, List.of(), trigger.name(),
                        burnRate(trigger.longWindow(), watermark, wholeMinute), burnRate(trigger.shortWindow(), watermark, wholeMinute)));
            }
        }
    }

    private boolean holds(Pair pair, int watermark, boolean wholeMinute) {
        long[] longWindow = sums(pair.longWindow(), watermark, wholeMinute);
        long[] shortWindow = sums(pair.shortWindow(), watermark, wholeMinute);
        return longWindow[0] + longWindow[1] >= Math.max(1, minEvents)
                && ratio(longWindow) > pair.errorRatio()
                && ratio(shortWindow) > pair.errorRatio();
    }

    private double burnRate(Duration window, int watermark, boolean wholeMinute) {
        return ratio(sums(window, watermark, wholeMinute)) / errorBudget;
    }

    /** Good and bad events in the window ending at the watermark minute, counting only its bad events unless whole. */
    private long[] sums(Duration window, int watermark, boolean wholeMinute) {
        long minutes = window.toMinutes();
        int g = minutes >= 72 * 60 ? 60 : minutes >= 12 * 60 ? 10 : 1;
        long startMinute = Math.floorDiv(start.toEpochMilli(), 60_000L);
        long first = Math.floorDiv(startMinute + watermark - minutes + 1, g) * g - startMinute;
        long[] sums = new long[2];
        for (long m = Math.max(0, first); m <= watermark; m++) {
            sums[0] += m < watermark || wholeMinute ? good[(int) m] : 0;
            sums[1] += bad[(int) m];
        }
        return sums;
    }

    private static double ratio(long[] sums) {
        long total = sums[0] + sums[1];
        return total == 0 ? 0 : (double) sums[1] / total;
    }
}
