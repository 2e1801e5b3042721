package dev.slopipeline.router.delivery;

import dev.slopipeline.router.notification.Notification;

/**
 * One way of telling a receiver about a notification (webhook, Slack, PagerDuty...). A channel makes exactly one
 * attempt and says how it went; whether and when to try again is the {@link Dispatcher}'s decision.
 */
public interface Channel {

    /** Never throws for a failed delivery: every failure is a {@link DeliveryResult}. */
    DeliveryResult send(Notification notification, Target target);
}
