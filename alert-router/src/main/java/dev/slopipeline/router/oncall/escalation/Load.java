package dev.slopipeline.router.oncall.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How much paging fell on one person or one schedule.
 *
 * @param pages notifications that asked for action (the all-clear is not one)
 * @param outOfHoursPages those outside the working hours of the person paged
 * @param timesToAcknowledge from a person's first page in a (re)triggered incident to their
 *     acknowledgement, shortest first
 */
public record Load(int pages, int outOfHoursPages, List<Duration> timesToAcknowledge) {

    public Load {
        timesToAcknowledge = timesToAcknowledge.stream().sorted().toList();
    }

    /** The nearest-rank percentile of the times to acknowledge (50: the median); empty when there is none. */
    public Optional<Duration> timeToAcknowledge(int percentile) {
        if (percentile < 1 || percentile > 100) {
            throw new IllegalArgumentException("a percentile is 1 to 100, got " + percentile);
        }
        if (timesToAcknowledge.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(percentile / 100.0 * timesToAcknowledge.size());
        return Optional.of(timesToAcknowledge.get(rank - 1));
    }
}
