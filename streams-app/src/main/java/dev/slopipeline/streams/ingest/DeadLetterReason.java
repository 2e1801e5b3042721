package dev.slopipeline.streams.ingest;

import java.util.Locale;

/**
 * The kinds of refused input, for counting: the reason text says exactly what was wrong, the class
 * says which sort of mistake it was ({@code slo_events_dead_lettered_total{reason="wrong-type"}}).
 */
public enum DeadLetterReason {
    /** The record has no value at all. */
    NO_VALUE,
    NOT_UTF8,
    /**
     * Not one well-formed JSON object: syntax, trailing content, repeated fields, too deep, too many fields; on the
     * spans topic, not one OTLP export request.
     */
    MALFORMED,
    MISSING_FIELD,
    WRONG_TYPE,
    /** The right type but an impossible value: a status of 700, an empty name, a count of zero. */
    INVALID_VALUE,
    FUTURE_TIMESTAMP,
    STALE_TIMESTAMP;

    /** The lower-case, dash-separated name used as a metric tag. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The class of a reason given by the event codec. */
    static DeadLetterReason ofCodecReason(String reason) {
        if (reason.startsWith("not UTF-8")) {
            return NOT_UTF8;
        }
        if (!reason.startsWith("field ")) {
            return MALFORMED;
        }
        if (reason.endsWith(" is required")) {
            return MISSING_FIELD;
        }
        return reason.contains("\": expected ") ? WRONG_TYPE : INVALID_VALUE;
    }
}
