package dev.slopipeline.streams.aggregate;

/**
 * What the aggregate step publishes: an alert transition for {@code slo.alerts} or a status for
 * {@code slo.status}, already encoded; a status without a value is the tombstone of a removed SLO.
 */
public record Published(Kind kind, byte[] value) {

    public enum Kind { ALERT, STATUS }

    public boolean isAlert() {
        return kind == Kind.ALERT;
    }
}
