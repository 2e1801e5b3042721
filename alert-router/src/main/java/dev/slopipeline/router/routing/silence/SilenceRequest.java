package dev.slopipeline.router.routing.silence;

import dev.slopipeline.router.routing.matcher.Matchers;
import java.time.Instant;
import java.util.Objects;

/**
 * What someone asks to silence, before {@link Silences#create} checks it.
 *
 * @param startsAt when it starts; a time in the past means now
 */
public record SilenceRequest(Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    public SilenceRequest {
        Objects.requireNonNull(matchers, "matchers");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
    }
}
