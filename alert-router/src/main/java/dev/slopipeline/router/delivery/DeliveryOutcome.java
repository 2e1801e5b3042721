package dev.slopipeline.router.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * What became of a notification after an attempt (or without one), as reported to a {@link DeliveryListener} and
 * later published on {@code router.deliveries}.
 */
public sealed interface DeliveryOutcome {

    String idempotencyKey();

    String groupKey();

    /** The receiver this outcome is about: the one attempted, or the one the notification was waiting for. */
    String receiver();

    /** Attempts made so far, over all receivers. */
    int attempts();

    Instant at();

    /** {@code delivered}, {@code retrying}, {@code failed_permanently} or {@code superseded}: the metric tag. */
    String outcome();

    record Delivered(String idempotencyKey, String groupKey, String receiver, int attempts, Instant at,
                     Duration latency) implements DeliveryOutcome {
        @Override
        public String outcome() {
            return "delivered";
        }
    }

    /** The attempt failed; {@code next} says where and when the next one goes. */
    record Retrying(String idempotencyKey, String groupKey, String receiver, int attempts, Instant at,
                    Duration latency, String error, RetryState next) implements DeliveryOutcome {
        @Override
        public String outcome() {
            return "retrying";
        }
    }

    /** Refused with no fallback left, or addressed to a receiver that does not exist: nothing more will be tried. */
    record FailedPermanently(String idempotencyKey, String groupKey, String receiver, int attempts, Instant at,
                             String error) implements DeliveryOutcome {
        @Override
        public String outcome() {
            return "failed_permanently";
        }
    }

    /**
     * A newer notification for the same receiver and group replaced this one before it was delivered. Nothing is
     * lost: each notification carries the group's full state, and sending the stale one after the newer could, for
     * example, re-trigger a PagerDuty incident that the newer one resolves.
     */
    record Superseded(String idempotencyKey, String groupKey, String receiver, int attempts, Instant at,
                      String supersededBy) implements DeliveryOutcome {
        @Override
        public String outcome() {
            return "superseded";
        }
    }
}
