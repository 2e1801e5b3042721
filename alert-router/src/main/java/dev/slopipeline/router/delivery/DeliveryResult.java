package dev.slopipeline.router.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What one delivery attempt came to. The split between transient and permanent decides whether we try again. */
public sealed interface DeliveryResult {

    /** The same result with its error text changed, e.g. to mask a credential the receiver quoted back. */
    default DeliveryResult withError(UnaryOperator<String> change) {
        if (this instanceof TransientFailure failure) {
            return new TransientFailure(change.apply(failure.error()), failure.retryAfter());
        }
        if (this instanceof PermanentFailure failure) {
            return new PermanentFailure(change.apply(failure.error()));
        }
        return this;
    }

    /** The receiver took the notification (any 2xx). */
    record Accepted(int httpStatus) implements DeliveryResult {
    }

    /**
     * Worth trying again: 5xx, 408, 429, a timeout or a connection error.
     *
     * @param retryAfter how long the receiver asked us to wait (Retry-After), if it did
     */
    record TransientFailure(String error, Optional<Duration> retryAfter) implements DeliveryResult {
        public TransientFailure {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public TransientFailure(String error) {
            this(error, Optional.empty());
        }
    }

    /** The same request would be refused again (other 4xx, a missing secret): retrying only adds noise. */
    record PermanentFailure(String error) implements DeliveryResult {
        public PermanentFailure {
            Objects.requireNonNull(error, "error");
        }
    }
}
