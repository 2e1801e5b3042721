package dev.slopipeline.streams.window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An SLO's counts bucket by bucket over its SLO window, oldest first, for a chart: read from the finest
 * bucket ring that reaches back to the window's start (or, for a calendar window longer than every
 * ring, as far back as the longest ring does).
 *
 * @param resolution the bucket size
 * @param from       the first bucket's start
 * @param buckets    every bucket from {@code from} to the one holding the latest event time, empty ones
 *                   included; each in the SLO's unit (events, or minutes for timeslices)
 */
public record Buckets(Duration resolution, Instant from, List<Bucket> buckets) {

    public Buckets {
        buckets = List.copyOf(buckets);
    }

    /** One bucket: its start and what it holds. */
    public record Bucket(Instant start, Tally tally) {
    }
}
