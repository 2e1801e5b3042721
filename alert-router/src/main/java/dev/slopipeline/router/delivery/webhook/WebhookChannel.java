package dev.slopipeline.router.delivery.webhook;

import dev.slopipeline.router.delivery.Channel;
import dev.slopipeline.router.delivery.DeliveryResult;
import dev.slopipeline.router.delivery.Target;
import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.secret.Secret;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/** Posts the Alertmanager v4 webhook payload, signed when the target has a secret. */
public final class WebhookChannel implements Channel {

    private final JsonPoster poster;
    private final Clock clock;

    /** @param clock stamps the signature; the same clock as the poster's */
    public WebhookChannel(JsonPoster poster, Clock clock) {
        this.poster = Objects.requireNonNull(poster, "poster");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public DeliveryResult send(Notification notification, Target target) {
        byte[] body = JsonPoster.toBytes(WebhookPayload.of(notification, target.maxAlerts()));
        Map<String, String> headers = Map.of();
        if (target.secret() != null) {
            try {
                headers = Map.of(WebhookSignature.HEADER,
                        WebhookSignature.header(target.secret().reveal(), clock.instant(), body));
            } catch (Secret.SecretUnavailableException e) {
                return new DeliveryResult.PermanentFailure("cannot sign the webhook: " + e.getMessage());
            }
        }
        return poster.post(target.url(), body, notification.idempotencyKey(), headers, target.timeout());
    }
}
