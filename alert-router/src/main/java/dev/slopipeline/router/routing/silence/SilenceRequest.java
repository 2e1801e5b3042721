package dev.slopipeline.router.routing.silence;

import dev.slopipeline.router.routing.matcher.Matchers;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What someone asks to silence, before {@link Silences#create} checks it.
 *
 * @param startsAt       when it starts; a time in the past means now
 * @param createdBy      who creates it, as they say
 * @param createdByToken the name of the API token that sent it, for the audit trail; empty from a caller without one
 */
public record SilenceRequest(Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
                             Optional<String> createdByToken) {

    public SilenceRequest {
        Objects.requireNonNull(matchers, "matchers");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(createdByToken, "createdByToken");
    }

    public SilenceRequest(Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
        this(matchers, startsAt, endsAt, createdBy, comment, Optional.empty());
    }

    /** The same request, sent with the API token of this name. */
    public SilenceRequest withCreatedByToken(String tokenName) {
        return new SilenceRequest(matchers, startsAt, endsAt, createdBy, comment, Optional.of(tokenName));
    }
}
