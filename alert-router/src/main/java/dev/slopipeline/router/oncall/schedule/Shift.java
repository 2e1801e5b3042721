package dev.slopipeline.router.oncall.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a schedule has on call over one stretch of time, after layers and overrides are combined:
 * adjacent turns of the same person are one shift.
 *
 * @param user empty when nobody is on call (before the first hand-off, outside every restriction)
 * @param since empty when the stretch began more than {@link OnCall#HORIZON} before the instant asked about
 * @param until exclusive; empty when it lasts beyond {@link OnCall#HORIZON} after the instant asked about
 */
public record Shift(String schedule, Optional<String> user, Optional<Instant> since, Optional<Instant> until) {

    public Shift {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }
}
