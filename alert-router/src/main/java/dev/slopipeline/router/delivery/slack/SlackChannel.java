package dev.slopipeline.router.delivery.slack;

import dev.slopipeline.router.delivery.Channel;
import dev.slopipeline.router.delivery.DeliveryResult;
import dev.slopipeline.router.delivery.Notification;
import dev.slopipeline.router.delivery.Target;
import dev.slopipeline.router.delivery.http.JsonPoster;
import java.util.Map;
import java.util.Objects;

/**
 * Posts to a Slack incoming webhook. The webhook URL is the credential here (Slack issues no separate key), which is
 * why {@link Target#toString()} never shows a URL's path.
 */
public final class SlackChannel implements Channel {

    private final JsonPoster poster;

    public SlackChannel(JsonPoster poster) {
        this.poster = Objects.requireNonNull(poster, "poster");
    }

    @Override
    public DeliveryResult send(Notification notification, Target target) {
        byte[] body = JsonPoster.toBytes(SlackMessage.of(notification, target.maxAlerts()));
        return poster.post(target.url(), body, notification.idempotencyKey(), Map.of(), target.timeout());
    }
}
