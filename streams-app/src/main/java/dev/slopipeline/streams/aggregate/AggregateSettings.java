package dev.slopipeline.streams.aggregate;

import java.time.Duration;

/**
 * How the aggregate step runs.
 *
 * @param grace              how far behind an SLO's latest event time an event still counts
 * @param healthContextTtl   how long a component health result stays attached to alerts
 * @param evaluationInterval how often (wall clock) SLOs are judged without input
 * @param wallClockLag       how long an SLO must be silent before wall-clock time moves its event time,
 *                           and how far behind the wall clock it then moves it: the delay tolerated
 *                           from producers
 * @param statusInterval     the time (wall clock) between two statuses of one SLO
 * @param definitionsStore   the global store of definition texts
 * @param roundSlices        how many punctuations a round over the task's series (of statuses, of judging without
 *                           input) is spread over; see {@link SeriesRound}
 */
public record AggregateSettings(
        Duration grace,
        Duration healthContextTtl,
        Duration evaluationInterval,
        Duration wallClockLag,
        Duration statusInterval,
        String definitionsStore,
        int roundSlices) {
}
