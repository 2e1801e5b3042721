package dev.slopipeline.streams.ingest;

import dev.slopipeline.definitions.model.DurationSyntax;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Refuses event times no window could use: too far ahead of the pipeline's clock (a wrong clock or
 * a wrong unit on the emitter; accepted, it would drag every window of its SLOs into the future and
 * make all real traffic late) or so far behind that they are older than any window kept.
 */
final class EventTimeGuard {

    private final Duration maxFutureSkew;
    private final Duration maxAge;

    EventTimeGuard(Duration maxFutureSkew, Duration maxAge) {
        this.maxFutureSkew = maxFutureSkew;
        this.maxAge = maxAge;
    }

    /** Why the event time is refused against the clock {@code nowMillis}, if it is. */
    Optional<Refusal> check(Instant eventTime, long nowMillis) {
        long ahead = eventTime.toEpochMilli() - nowMillis;
        if (ahead > maxFutureSkew.toMillis()) {
            return Optional.of(new Refusal(DeadLetterReason.FUTURE_TIMESTAMP, "field \"timestamp\": " + eventTime
                    + " is too far in the future: " + approximately(ahead) + " ahead of the pipeline clock "
                    + Instant.ofEpochMilli(nowMillis) + ", at most " + DurationSyntax.format(maxFutureSkew) + " allowed"));
        }
        if (-ahead > maxAge.toMillis()) {
            return Optional.of(new Refusal(DeadLetterReason.STALE_TIMESTAMP, "field \"timestamp\": " + eventTime
                    + " is too old: " + approximately(-ahead) + " behind the pipeline clock "
                    + Instant.ofEpochMilli(nowMillis) + ", at most " + DurationSyntax.format(maxAge) + " allowed"));
        }
        return Optional.empty();
    }

    record Refusal(DeadLetterReason kind, String reason) {
    }

    /** In whole minutes (at least one), written like the durations of SLO files: {@code 3d4h12m}. */
    private static String approximately(long millis) {
        Duration duration = Duration.ofMinutes(Math.max(1, millis / 60_000));
        StringBuilder text = new StringBuilder();
        if (duration.toDays() > 0) {
            text.append(duration.toDays()).append('d');
        }
        if (duration.toHoursPart() > 0) {
            text.append(duration.toHoursPart()).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        return text.toString();
    }
}
