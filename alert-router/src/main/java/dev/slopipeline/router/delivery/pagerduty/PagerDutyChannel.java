package dev.slopipeline.router.delivery.pagerduty;

import dev.slopipeline.router.delivery.Channel;
import dev.slopipeline.router.delivery.DeliveryResult;
import dev.slopipeline.router.delivery.Target;
import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.secret.Redacted;
import dev.slopipeline.router.secret.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends PagerDuty Events API v2 events to {@code <target url>/v2/enqueue}; the target's secret is the integration's
 * routing key. PagerDuty answers 202 when it accepted an event, 400 for an invalid one, 429 when rate limited.
 */
public final class PagerDutyChannel implements Channel {

    public static final URI EVENTS_API = URI.create("https://events.pagerduty.com");

    private final JsonPoster poster;
    private final Optional<String> severity;

    /** Maps each alert's severity (page to critical, ticket to warning, notify to info). */
    public PagerDutyChannel(JsonPoster poster) {
        this(poster, Optional.empty());
    }

    /** @param severity a PagerDuty severity for every event instead of the mapping ({@code severity} in the config) */
    public PagerDutyChannel(JsonPoster poster, Optional<String> severity) {
        this.poster = Objects.requireNonNull(poster, "poster");
        this.severity = Objects.requireNonNull(severity, "severity");
    }

    @Override
    public DeliveryResult send(Notification notification, Target target) {
        if (target.secret() == null) {
            return new DeliveryResult.PermanentFailure(
                    "PagerDuty needs a routing key, and this receiver has no secret");
        }
        String routingKey;
        try {
            routingKey = target.secret().reveal();
        } catch (Secret.SecretUnavailableException e) {
            return new DeliveryResult.PermanentFailure("no PagerDuty routing key: " + e.getMessage());
        }
        byte[] body = JsonPoster.toBytes(PagerDutyEvent.of(notification, routingKey, severity));
        // The key is in the event we sent, and a receiver's error reply may quote the event back.
        return poster.post(enqueue(target.url()), body, notification.idempotencyKey(), Map.of(), target.timeout())
                .withError(error -> Redacted.scrub(error, routingKey));
    }

    private static URI enqueue(URI base) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/v2/enqueue");
    }
}
