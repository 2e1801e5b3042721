package dev.slopipeline.streams.otlp;

import dev.slopipeline.definitions.event.RequestEvent;
import java.util.List;
import java.util.Map;

/**
 * What one OTLP export request means: a request event for each usable span of a selected kind, in the order of the
 * request, and how many selected spans could not be used, by reason (reasons that did not occur are left out).
 */
public record SpanBatch(List<RequestEvent> events, Map<UnusableSpan, Integer> unusable) {

    public SpanBatch {
        events = List.copyOf(events);
        unusable = Map.copyOf(unusable);
    }

    /** Selected spans refused for this reason. */
    public int unusable(UnusableSpan reason) {
        return unusable.getOrDefault(reason, 0);
    }
}
