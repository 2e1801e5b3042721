package dev.slopipeline.router.dispatch;

import dev.slopipeline.router.delivery.Alert;
import dev.slopipeline.router.delivery.AlertStatus;
import dev.slopipeline.router.delivery.Notification;
import dev.slopipeline.router.delivery.Receiver;
import dev.slopipeline.router.delivery.Receivers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every configured receiver's channels as dispatcher receivers, and how an intent fans out to them: one delivery per
 * channel, each under its own key, so one channel's outage or failover never holds up another.
 */
public final class Integrations {

    private final Map<String, List<Integration>> byReceiver;
    private final Receivers receivers;

    Integrations(Map<String, List<Integration>> byReceiver) {
        this.byReceiver = new LinkedHashMap<>();
        List<Receiver> all = new ArrayList<>();
        byReceiver.forEach((name, integrations) -> {
            this.byReceiver.put(name, List.copyOf(integrations));
            integrations.forEach(integration -> all.add(integration.receiver()));
        });
        this.receivers = Receivers.of(all);
    }

    /** What the dispatcher delivers to: every channel, named {@code <receiver>#<index>}, with its fallback. */
    public Receivers receivers() {
        return receivers;
    }

    /** The configured receiver names, for messages about an intent that names none of them. */
    public Set<String> names() {
        return Collections.unmodifiableSet(byReceiver.keySet());
    }

    /**
     * The deliveries of one intent, one per channel of its receiver, under the keys
     * {@code <idempotency key>#<index>}; fewer when a channel does not send resolved groups. Empty when no receiver
     * has the intent's name.
     */
    public Optional<List<Notification>> deliveries(Notification intent) {
        List<Integration> integrations = byReceiver.get(intent.receiver());
        if (integrations == null) {
            return Optional.empty();
        }
        List<Notification> deliveries = new ArrayList<>();
        for (Integration integration : integrations) {
            List<Alert> alerts = integration.sendResolved() ? intent.alerts() : intent.alerts().stream()
                    .filter(alert -> alert.status() == AlertStatus.FIRING)
                    .toList();
            // As Alertmanager: without send_resolved a channel hears only of firing alerts, and nothing once none fire.
            if (!alerts.isEmpty()) {
                deliveries.add(readdressed(intent, integration.id().deliveryKey(intent.idempotencyKey()),
                        integration.id().name(), alerts));
            }
        }
        return Optional.of(deliveries);
    }

    static Notification readdressed(Notification n, String idempotencyKey, String receiver, List<Alert> alerts) {
        return new Notification(idempotencyKey, receiver, n.groupKey(), alerts, n.groupLabels(), n.commonLabels(),
                n.commonAnnotations(), n.externalUrl(), n.ackUrl(), n.acknowledgement());
    }
}
