package dev.slopipeline.router.delivery.slack;

import dev.slopipeline.router.delivery.Channel;
import dev.slopipeline.router.delivery.DeliveryResult;
import dev.slopipeline.router.delivery.Target;
import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.notification.Notification;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts to a Slack incoming webhook. The webhook URL is the credential here (Slack issues no separate key), which is
 * why {@link Target#toString()} never shows a URL's path.
 */
public final class SlackChannel implements Channel {

    private final JsonPoster poster;
    private final Optional<String> channel;

    /** Posts to the webhook's own channel. */
    public SlackChannel(JsonPoster poster) {
        this(poster, Optional.empty());
    }

    /** @param channel the channel or user to post to instead of the webhook's own ({@code channel} in the config) */
    public SlackChannel(JsonPoster poster, Optional<String> channel) {
        this.poster = Objects.requireNonNull(poster, "poster");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public DeliveryResult send(Notification notification, Target target) {
        byte[] body = JsonPoster.toBytes(SlackMessage.of(notification, target.maxAlerts(), channel));
        return poster.post(target.url(), body, notification.idempotencyKey(), Map.of(), target.timeout());
    }
}
