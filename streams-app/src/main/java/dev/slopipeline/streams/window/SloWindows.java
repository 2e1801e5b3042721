package dev.slopipeline.streams.window;

import dev.slopipeline.definitions.model.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * One SLO's event-time counts: minute buckets, coarser buckets for older data, and the running sum of
 * every window in its {@link WindowPlan} (the plan documents exactly what each window covers).
 *
 * <p>The watermark is the latest event-time minute seen. An event ahead of it moves it forward; an
 * event up to the grace behind it still lands in its own minute and in every window that covers that
 * minute; an older one is refused as {@link Recorded.Late}. Moving the watermark costs, per window,
 * the buckets that leave it, and per ring at most one pass over its slots, however far it jumps.
 *
 * <p>The buckets and sums are the math of {@link BucketRing}, {@link SlidingSum} and
 * {@link CalendarSum}; this class hands each of them an event (for timeslices, the change in its
 * minute's verdict) or a move of the watermark, and counts the events it refused as late. Every change
 * it makes is also noted in its {@link WindowChanges}, so that {@link WindowParts} can keep a state
 * store equal to it part by part; nothing here knows how those parts look.
 *
 * <p>Mutable and not thread-safe: one instance per SLO, owned by one stream task.
 */
public final class SloWindows {

    private final WindowPlan plan;
    private final Map<Integer, BucketRing> ringsByGranularity;
    /** The same rings, finest first: the minute ring, then coarser ones. */
    private final List<BucketRing> rings;
    private final BucketRing minutes;
    private final List<SlidingSum> windows;
    /** Null when the budget window is rolling: it is then one of {@link #windows}. */
    private final CalendarSum calendar;
    /** The one of {@link #windows} that is the budget window; null when it is a calendar's (or none is, wrongly). */
    private final SlidingSum rollingBudget;
    private final WindowChanges changes;
    private Instant latest;
    private long watermark;
    private long lateEvents;

    private SloWindows(WindowPlan plan, Instant latest, long lateEvents) {
        this.plan = plan;
        this.latest = latest;
        this.watermark = EpochMinutes.of(latest);
        this.lateEvents = lateEvents;
        this.ringsByGranularity = new LinkedHashMap<>();
        plan.ringCapacities().forEach((granularity, capacity) ->
                ringsByGranularity.put(granularity, new BucketRing(granularity, capacity, watermark)));
        this.rings = List.copyOf(ringsByGranularity.values());
        this.minutes = ringsByGranularity.get(1);
        this.windows = new ArrayList<>();
        for (Duration length : plan.rollingWindows()) {
            windows.add(new SlidingSum(length, sourceFor(WindowPlan.granularityMinutes(length)), watermark));
        }
        this.calendar = plan.budgetWindow() instanceof SloWindow.Calendar c ? new CalendarSum(c, watermark) : null;
        // found once: the sums are read after nearly every event
        Duration budgetLength = plan.budgetWindow().nominalLength();
        this.rollingBudget = calendar != null ? null
                : windows.stream().filter(w -> w.length().equals(budgetLength)).findFirst().orElse(null);
        this.changes = new WindowChanges(rings.stream().mapToInt(BucketRing::capacity).toArray());
    }

    /** Empty windows whose watermark is the minute of {@code time}: the first event's time, typically. */
    public static SloWindows startAt(WindowPlan plan, Instant time) {
        SloWindows windows = new SloWindows(Objects.requireNonNull(plan, "plan"), Objects.requireNonNull(time, "time"), 0);
        windows.changes.touched();
        return windows;
    }

    public WindowPlan plan() {
        return plan;
    }

    /** The latest event time seen or advanced to. */
    public Instant latest() {
        return latest;
    }

    /** Events refused as late since these windows started. */
    public long lateEvents() {
        return lateEvents;
    }

    /**
     * Counts {@code goodEvents} and {@code badEvents} at {@code eventTime} (an event's {@code count}
     * goes into one of them), moving the watermark first when the event is ahead of it.
     */
    public Recorded record(Instant eventTime, long goodEvents, long badEvents) {
        if (goodEvents < 0 || badEvents < 0) {
            throw new IllegalArgumentException("event counts must not be negative, got good " + goodEvents + " and bad " + badEvents);
        }
        long minute = EpochMinutes.of(eventTime);
        long oldestOpen = watermark - plan.graceMinutes();
        changes.touched();
        if (minute < oldestOpen) {
            lateEvents += goodEvents + badEvents;
            return new Recorded.Late(eventTime, EpochMinutes.start(oldestOpen));
        }
        advanceTo(eventTime);
        Tally before = minutes.get(minute);
        changes.slot(0, minutes.add(minute, new Tally(goodEvents, badEvents, goodEvents + badEvents)));
        Tally after = minutes.get(minute);
        // for timeslices the minute's verdict, not the events, goes into the windows; it may flip while the minute is open
        Tally delta = plan.unit().contribution(after.good(), after.bad()).minus(plan.unit().contribution(before.good(), before.bad()));
        if (!delta.isZero()) {
            addToWindows(minute, delta);
        }
        return new Recorded.Accepted();
    }

    /**
     * Moves event time forward to {@code time} with no event, so that old minutes leave the windows.
     * A wall-clock punctuator calls this for SLOs whose traffic stopped; earlier times are ignored.
     * Events more than the grace behind the new watermark will be refused as late, so the caller
     * should pass wall-clock time minus the lag it tolerates from its producers.
     */
    public void advanceTo(Instant time) {
        if (time.isAfter(latest)) {
            latest = time;
            changes.touched();
        }
        long target = EpochMinutes.of(time);
        if (target <= watermark) {
            return;
        }
        // windows read the buckets leaving them before the rings hand those slots to new buckets
        for (SlidingSum window : windows) {
            window.advance(watermark, target);
        }
        if (calendar != null) {
            calendar.advance(target);
        }
        for (int i = 0; i < rings.size(); i++) {
            BucketRing ring = rings.get(i);
            changes.advancing(i, ring.newestBucket(), Math.floorDiv(target, ring.granularity()), slot -> !ring.isEmpty(slot));
            ring.advanceTo(target);
        }
        watermark = target;
    }

    public WindowSums sums() {
        Map<Duration, Tally> sums = new LinkedHashMap<>();
        for (SlidingSum window : windows) {
            sums.put(window.length(), window.sum());
        }
        return new WindowSums(latest, sums, budgetSum());
    }

    /** The SLO window bucket by bucket, for a chart; see {@link Buckets}. */
    public Buckets buckets() {
        long spanStart = EpochMinutes.of(budgetSum().from());
        BucketRing ring = rings.stream().filter(r -> r.oldestMinute() <= spanStart).findFirst()
                .orElseGet(() -> rings.stream().min((a, b) -> Long.compare(a.oldestMinute(), b.oldestMinute())).orElseThrow());
        int granularity = ring.granularity();
        long first = EpochMinutes.alignDown(Math.max(spanStart, ring.oldestMinute()), granularity);
        List<Buckets.Bucket> buckets = new ArrayList<>();
        for (long minute = first; minute <= watermark; minute += granularity) {
            Tally held = ring.get(minute);
            // the minute ring keeps raw events; coarser rings keep units already
            Tally units = ring == minutes ? plan.unit().contribution(held.good(), held.bad()) : held;
            buckets.add(new Buckets.Bucket(EpochMinutes.start(minute), units));
        }
        return new Buckets(Duration.ofMinutes(granularity), EpochMinutes.start(first), buckets);
    }

    private BudgetWindowSum budgetSum() {
        if (calendar != null) {
            return calendar.asBudget();
        }
        if (rollingBudget == null) {
            throw new NoSuchElementException("the plan tracks no window as long as its budget window " + plan.budgetWindow());
        }
        return rollingBudget.asBudget();
    }

    private void addToWindows(long minute, Tally delta) {
        // from 1: the minute ring, first, keeps raw events and has them already
        for (int i = 1; i < rings.size(); i++) {
            changes.slot(i, rings.get(i).add(minute, delta));
        }
        for (SlidingSum window : windows) {
            window.add(minute, delta);
        }
        if (calendar != null) {
            calendar.add(minute, delta);
        }
    }

    /** The minute ring keeps raw events, so a minute's verdict can be judged again; coarser rings keep units. */
    private SlidingSum.BucketSource sourceFor(int granularity) {
        if (granularity == 1) {
            return minute -> {
                Tally raw = minutes.get(minute);
                return plan.unit().contribution(raw.good(), raw.bad());
            };
        }
        BucketRing ring = ringsByGranularity.get(granularity);
        return ring::get;
    }

    long watermark() {
        return watermark;
    }

    /** What changed since the store last saw these windows. */
    WindowChanges changes() {
        return changes;
    }

    /** Finest first. */
    List<BucketRing> rings() {
        return rings;
    }

    /** Shortest first, as the plan lists them. */
    List<SlidingSum> slidingSums() {
        return windows;
    }

    Optional<CalendarSum> calendarSum() {
        return Optional.ofNullable(calendar);
    }

    /** Windows as a store held them: their parts are then set one by one, and none of it is a change. */
    static SloWindows restore(WindowPlan plan, Instant latest, long lateEvents) {
        return new SloWindows(plan, latest, lateEvents);
    }
}
