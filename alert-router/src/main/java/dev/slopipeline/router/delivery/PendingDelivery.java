package dev.slopipeline.router.delivery;

import dev.slopipeline.router.notification.Notification;
import java.util.Objects;

/** A notification not yet delivered, with where its delivery stands. */
public record PendingDelivery(Notification notification, RetryState state) {
    public PendingDelivery {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(state, "state");
    }
}
