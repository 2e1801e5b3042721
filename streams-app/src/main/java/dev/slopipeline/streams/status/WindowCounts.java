package dev.slopipeline.streams.status;

import java.time.Instant;
import java.util.Objects;

/**
 * What the SLO window holds: the counts behind the SLI.
 *
 * @param unit   {@code events} (occurrences budgeting) or {@code minutes} (timeslices: a minute with
 *               traffic is one good or one bad unit)
 * @param from   start of the oldest minute the window covers
 * @param good   good units
 * @param bad    bad units
 * @param events events behind those units
 */
public record WindowCounts(String unit, Instant from, long good, long bad, long events) {

    public static final String EVENTS = "events";
    public static final String MINUTES = "minutes";

    public WindowCounts {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(from, "from");
    }
}
