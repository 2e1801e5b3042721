package dev.slopipeline.router.oncall.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a schedule has on call: overrides first, then the layers from last to first, the first that
 * has someone wins. Shift edges come from walking the boundaries of every layer and override and
 * keeping only those where the answer changes.
 */
public final class OnCall {

    /** How far either side of the instant asked about a shift edge is looked for. */
    public static final Duration HORIZON = Duration.ofDays(366);

    private final Schedule schedule;
    private final List<Coverage> byPrecedence;

    private OnCall(Schedule schedule) {
        this.schedule = schedule;
        List<Coverage> coverages = new ArrayList<>();
        coverages.add(new OverrideCoverage(schedule.overrides()));
        for (int i = schedule.layers().size() - 1; i >= 0; i--) {
            coverages.add(new LayerCoverage(schedule.layers().get(i), schedule.timeZone()));
        }
        this.byPrecedence = List.copyOf(coverages);
    }

    /** Who is on call at the instant, and since and until when. */
    public static Shift at(Schedule schedule, Instant instant) {
        return new OnCall(schedule).shiftAt(instant);
    }

    /**
     * The first shift with someone on call that starts after the one at the instant; empty if none
     * starts within {@link #HORIZON}.
     */
    public static Optional<Shift> next(Schedule schedule, Instant instant) {
        OnCall onCall = new OnCall(schedule);
        Instant limit = instant.plus(HORIZON);
        Shift shift = onCall.shiftAt(instant);
        while (shift.until().isPresent() && shift.until().get().isBefore(limit)) {
            shift = onCall.shiftAt(shift.until().get());
            if (shift.user().isPresent()) {
                return Optional.of(shift);
            }
        }
        return Optional.empty();
    }

    /** Now and next for every schedule, in the order the configuration lists them. */
    public static List<ScheduleOnCall> all(OnCallConfig config, Instant instant) {
        return config.schedules().values().stream()
                .map(schedule -> new ScheduleOnCall(at(schedule, instant), next(schedule, instant)))
                .toList();
    }

    private Shift shiftAt(Instant instant) {
        Optional<String> user = userAt(instant);
        return new Shift(schedule.name(), user, since(instant, user), until(instant, user));
    }

    private Optional<String> userAt(Instant instant) {
        for (Coverage coverage : byPrecedence) {
            Optional<String> user = coverage.userAt(instant);
            if (user.isPresent()) {
                return user;
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> until(Instant instant, Optional<String> user) {
        Instant limit = instant.plus(HORIZON);
        Instant cursor = instant;
        while (true) {
            Optional<Instant> boundary = nextBoundaryAfter(cursor);
            if (boundary.isEmpty() || boundary.get().isAfter(limit)) {
                return Optional.empty();
            }
            if (!userAt(boundary.get()).equals(user)) {
                return boundary;
            }
            cursor = boundary.get();
        }
    }

    private Optional<Instant> since(Instant instant, Optional<String> user) {
        Instant limit = instant.minus(HORIZON);
        Instant cursor = instant;
        while (true) {
            Optional<Instant> boundary = lastBoundaryAtOrBefore(cursor);
            if (boundary.isEmpty() || boundary.get().isBefore(limit)) {
                return Optional.empty();
            }
            // the answer is constant between boundaries, so one nanosecond before stands for the stretch before
            Instant justBefore = boundary.get().minusNanos(1);
            if (!userAt(justBefore).equals(user)) {
                return boundary;
            }
            cursor = justBefore;
        }
    }

    private Optional<Instant> nextBoundaryAfter(Instant instant) {
        return byPrecedence.stream()
                .map(coverage -> coverage.nextBoundaryAfter(instant))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    private Optional<Instant> lastBoundaryAtOrBefore(Instant instant) {
        return byPrecedence.stream()
                .map(coverage -> coverage.lastBoundaryAtOrBefore(instant))
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
    }

    /** A schedule's current and next shift, as the on-call API shows them. */
    public record ScheduleOnCall(Shift now, Optional<Shift> next) {

        public ScheduleOnCall {
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(next, "next");
        }
    }
}
