package dev.slopipeline.router.delivery.service;

import dev.slopipeline.router.delivery.Channel;
import dev.slopipeline.router.delivery.DeliveryResult;
import dev.slopipeline.router.delivery.Target;
import dev.slopipeline.router.notification.Notification;
import java.util.Objects;

/**
 * Sends through another channel under the receiver name the route chose rather than the dispatcher's
 * {@code <receiver>#<index>}, so a payload's {@code receiver} reads as Alertmanager's would, after failover too.
 * The idempotency key keeps its {@code #<index>}: it tells two channels of one receiver apart.
 */
record RouteNameChannel(Channel channel) implements Channel {

    RouteNameChannel {
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public DeliveryResult send(Notification notification, Target target) {
        String routed = IntegrationId.parse(notification.receiver()).map(IntegrationId::receiver)
                .orElse(notification.receiver());
        return channel.send(Integrations.readdressed(notification, notification.idempotencyKey(), routed,
                notification.alerts()), target);
    }
}
