package dev.slopipeline.router.routing.silence;

import dev.slopipeline.router.routing.matcher.Matchers;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A silence: while active, alerts matching all its matchers are not notified. Its state is not stored but read off
 * its times: pending before {@code startsAt}, active from {@code startsAt} up to but excluding {@code endsAt},
 * expired from {@code endsAt} on (so expiring a silence "now" takes effect now).
 *
 * @param updatedAt when it was created or last expired
 */
public record Silence(UUID id,
                      Matchers matchers,
                      Instant startsAt,
                      Instant endsAt,
                      Instant updatedAt,
                      String createdBy,
                      String comment) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(matchers, "matchers");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        if (endsAt.isBefore(startsAt)) {
            throw new IllegalArgumentException("silence " + id + " ends at " + endsAt + ", before it starts at " + startsAt);
        }
    }

    public SilenceState state(Instant now) {
        if (now.isBefore(startsAt)) {
            return SilenceState.PENDING;
        }
        return now.isBefore(endsAt) ? SilenceState.ACTIVE : SilenceState.EXPIRED;
    }

    /** Whether alerts with these labels fall under it, whatever its state. */
    public boolean matches(Map<String, String> labels) {
        return matchers.matches(labels);
    }

    /** Expired at {@code now}: a pending silence never starts, an active one ends now, an expired one stays. */
    Silence expiredAt(Instant now) {
        return switch (state(now)) {
            case PENDING -> new Silence(id, matchers, now, now, now, createdBy, comment);
            case ACTIVE -> new Silence(id, matchers, startsAt, now, now, createdBy, comment);
            case EXPIRED -> this;
        };
    }
}
