package dev.slopipeline.router.notification;

import java.time.Instant;
import java.util.Objects;

/** Someone took ownership of a firing group; channels that know the concept (PagerDuty) stop escalating. */
public record Acknowledgement(String by, Instant at) {
    public Acknowledgement {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
