package dev.slopipeline.router.routing.silence;

import dev.slopipeline.router.routing.matcher.Matchers;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A silence: while active, alerts matching all its matchers are not notified. Its state is not stored but read off
 * its times: pending before {@code startsAt}, active from {@code startsAt} up to but excluding {@code endsAt},
 * expired from {@code endsAt} on (so expiring a silence "now" takes effect now).
 *
 * @param updatedAt      when it was created or last expired
 * @param createdByToken the name of the API token that created it; empty for silences older than the names
 */
public record Silence(UUID id,
                      Matchers matchers,
                      Instant startsAt,
                      Instant endsAt,
                      Instant updatedAt,
                      String createdBy,
                      String comment,
                      Optional<String> createdByToken) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(matchers, "matchers");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(createdByToken, "createdByToken");
        if (endsAt.isBefore(startsAt)) {
            throw new IllegalArgumentException("silence " + id + " ends at " + endsAt + ", before it starts at " + startsAt);
        }
    }

    public Silence(UUID id, Matchers matchers, Instant startsAt, Instant endsAt, Instant updatedAt, String createdBy,
                   String comment) {
        this(id, matchers, startsAt, endsAt, updatedAt, createdBy, comment, Optional.empty());
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
            case PENDING -> new Silence(id, matchers, now, now, now, createdBy, comment, createdByToken);
            case ACTIVE -> new Silence(id, matchers, startsAt, now, now, createdBy, comment, createdByToken);
            case EXPIRED -> this;
        };
    }
}
