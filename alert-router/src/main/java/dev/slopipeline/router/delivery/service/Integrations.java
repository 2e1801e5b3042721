package dev.slopipeline.router.delivery.service;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.delivery.Receiver;
import dev.slopipeline.router.delivery.Receivers;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.Notification;
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
    private final List<Receiver> channels;
    private final Receivers receivers;

    Integrations(Map<String, List<Integration>> byReceiver) {
        this(byReceiver, List.of());
    }

    /** @param retired channels no receiver has any more that the dispatcher still knows, for deliveries in flight */
    private Integrations(Map<String, List<Integration>> byReceiver, List<Receiver> retired) {
        this.byReceiver = new LinkedHashMap<>();
        Map<String, Receiver> all = new LinkedHashMap<>();
        byReceiver.forEach((name, integrations) -> {
            this.byReceiver.put(name, List.copyOf(integrations));
            integrations.forEach(integration -> all.put(integration.receiver().name(), integration.receiver()));
        });
        retired.forEach(receiver -> all.putIfAbsent(receiver.name(), receiver));
        this.channels = List.copyOf(all.values());
        this.receivers = Receivers.of(channels);
    }

    /**
     * These integrations replaced by a reloaded config's: a receiver in {@code newer} takes its new channels, and a
     * receiver that only this one has stays, so that notifications decided under the old config (pending, or read
     * again after a restart) are still delivered as they were decided instead of failing for an unknown receiver.
     */
    public Integrations updatedBy(Integrations newer) {
        Map<String, List<Integration>> merged = new LinkedHashMap<>(newer.byReceiver);
        byReceiver.forEach(merged::putIfAbsent);
        // A receiver that lost channels keeps the dropped ones (and fallbacks pointing at them) for the dispatcher.
        return new Integrations(merged, channels);
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
                    .filter(alert -> alert.status() == AlertState.FIRING)
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
