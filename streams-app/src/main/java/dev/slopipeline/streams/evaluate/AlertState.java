package dev.slopipeline.streams.evaluate;

/** The two transitions an alert makes. */
public enum AlertState {
    FIRING, RESOLVED
}
