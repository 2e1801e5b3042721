package dev.slopipeline.router.oncall.schedule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The overrides of a schedule; they do not overlap (the reader refuses that). */
final class OverrideCoverage implements Coverage {

    private final List<ScheduleOverride> overrides;

    OverrideCoverage(List<ScheduleOverride> overrides) {
        this.overrides = overrides;
    }

    @Override
    public Optional<String> userAt(Instant instant) {
        return overrides.stream().filter(o -> o.covers(instant)).map(ScheduleOverride::user).findFirst();
    }

    @Override
    public Optional<Instant> nextBoundaryAfter(Instant instant) {
        return boundaries().filter(b -> b.isAfter(instant)).min(Comparator.naturalOrder());
    }

    @Override
    public Optional<Instant> lastBoundaryAtOrBefore(Instant instant) {
        return boundaries().filter(b -> !b.isAfter(instant)).max(Comparator.naturalOrder());
    }

    private Stream<Instant> boundaries() {
        return overrides.stream().flatMap(o -> Stream.of(o.start(), o.end()));
    }
}
