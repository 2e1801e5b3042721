package dev.slopipeline.router.notification;

import dev.slopipeline.definitions.alert.AlertState;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The full current state of one alert group, to be told to one receiver. A newer notification for the same receiver
 * and group supersedes an older one that has not been delivered yet: each one is a snapshot, not a delta.
 *
 * @param idempotencyKey  chosen by the caller and stable across retries, failover and restarts, so a receiver can
 *                        drop duplicates; sent as the {@code Idempotency-Key} header
 * @param receiver        the receiver the route tree chose; a fallback receiver delivers the same notification
 * @param ackUrl          where a human acknowledges the group; null when the route has no acknowledgement
 * @param acknowledgement who acknowledged the firing group; null when nobody has (yet)
 */
public record Notification(String idempotencyKey,
                           String receiver,
                           String groupKey,
                           List<Alert> alerts,
                           Map<String, String> groupLabels,
                           Map<String, String> commonLabels,
                           Map<String, String> commonAnnotations,
                           URI externalUrl,
                           URI ackUrl,
                           Acknowledgement acknowledgement) {

    public Notification {
        requireText(idempotencyKey, "idempotencyKey");
        requireText(receiver, "receiver");
        requireText(groupKey, "groupKey");
        Objects.requireNonNull(alerts, "alerts");
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("notification " + idempotencyKey + " for group " + groupKey
                    + " has no alerts; a group is notified only while it holds at least one");
        }
        groupLabels = Alert.sorted(groupLabels, "groupLabels");
        commonLabels = Alert.sorted(commonLabels, "commonLabels");
        commonAnnotations = Alert.sorted(commonAnnotations, "commonAnnotations");
        Objects.requireNonNull(externalUrl, "externalUrl");
    }

    /** Firing while any alert fires, as Alertmanager derives a group's status; never stored, so it cannot disagree. */
    public AlertState status() {
        return firingCount() > 0 ? AlertState.FIRING : AlertState.RESOLVED;
    }

    public long firingCount() {
        return alerts.stream().filter(a -> a.status() == AlertState.FIRING).count();
    }

    public long resolvedCount() {
        return alerts.size() - firingCount();
    }

    public boolean acknowledged() {
        return acknowledgement != null;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be a non-blank string");
        }
    }
}
