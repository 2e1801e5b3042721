package dev.slopipeline.ui;

import dev.slopipeline.definitions.event.RequestEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Two days of requests up to a minute ago, a record of {@link #PER_MINUTE} requests per kind and minute, some of
 * them failing (status 503). The kinds are interleaved minute by minute, so that none arrives late behind another.
 */
final class MinuteTraffic {

    static final int MINUTES = 2 * 24 * 60;
    static final int PER_MINUTE = 1000;
    private static final int OUTAGE_MINUTES = 15;
    private static final int FAILING_IN_OUTAGE = 120;

    /** No request fails. */
    static final IntUnaryOperator HEALTHY = minute -> 0;
    /** 12 % fail in the last quarter hour, burning the 1h/5m page pair's 14.4 × budget of a 99.9 % SLO. */
    static final IntUnaryOperator OUTAGE = minute -> minute >= MINUTES - OUTAGE_MINUTES ? FAILING_IN_OUTAGE : 0;

    /** Requests of one operation, with these attributes; {@code failing} says how many fail in each minute. */
    record Requests(String service, String operation, Map<String, String> attributes, IntUnaryOperator failing) {
    }

    private MinuteTraffic() {
    }

    static List<RequestEvent> of(Requests... kinds) {
        List<RequestEvent> events = new ArrayList<>();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES));
        for (int minute = 0; minute < MINUTES; minute++) {
            Instant at = start.plus(Duration.ofMinutes(minute));
            for (Requests kind : kinds) {
                int failing = kind.failing().applyAsInt(minute);
                events.add(new RequestEvent(at, kind.service(), kind.operation(), 200, 180.0, PER_MINUTE - failing, kind.attributes()));
                if (failing > 0) {
                    events.add(new RequestEvent(at, kind.service(), kind.operation(), 503, 950.0, failing, kind.attributes()));
                }
            }
        }
        return events;
    }
}
