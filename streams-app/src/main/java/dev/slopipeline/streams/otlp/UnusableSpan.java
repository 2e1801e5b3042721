package dev.slopipeline.streams.otlp;

import java.util.Locale;

/**
 * Why a span of a selected kind became no event, for counting ({@code slo_spans_unusable_total{reason}}). The
 * record around it is valid OTLP and its other spans count, so it is not dead-lettered.
 */
public enum UnusableSpan {
    /** Its resource has no {@code service.name}, or an empty one: there is no service to charge it to. */
    NO_SERVICE_NAME,
    /**
     * A value no request event can carry: an HTTP status outside 100..599, no end time, an end before the start, an
     * operation that is empty or longer than a request event's (256 characters).
     */
    INVALID_VALUE;

    /** The lower-case, dash-separated name used as a metric tag. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
