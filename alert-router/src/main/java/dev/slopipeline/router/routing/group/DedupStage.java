package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.Fingerprint;
import dev.slopipeline.router.notification.LabelledAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Lets a flush through only when it tells the receiver something the notification log says it does not know yet:
 * Alertmanager's {@code DedupStage.needsUpdate}, applied to the alerts the earlier stages left.
 */
public record DedupStage() implements Stage {

    @Override
    public List<LabelledAlert> apply(FlushContext context, List<LabelledAlert> alerts) {
        Set<Fingerprint> firing = fingerprints(alerts, false);
        Set<Fingerprint> resolved = fingerprints(alerts, true);
        FlushReason reason = reason(context.lastNotified(), firing, resolved, context.receiver().sendResolved(),
                context.route().repeatInterval(), context.now());
        return reason == FlushReason.NONE ? List.of() : alerts;
    }

    /**
     * The questions in Alertmanager's order. "All resolved" is asked whatever the receiver's send_resolved, so that
     * the log forgets the firing alerts; the repeat interval has passed only when strictly more than it separates
     * the last notification from now.
     */
    static FlushReason reason(Optional<LogEntry> last, Set<Fingerprint> firing, Set<Fingerprint> resolved,
                               boolean sendResolved, Duration repeatInterval, Instant now) {
        if (last.isEmpty()) {
            return firing.isEmpty() ? FlushReason.NONE : FlushReason.FIRST_NOTIFICATION;
        }
        LogEntry entry = last.get();
        if (!entry.firing().containsAll(firing)) {
            return entry.firing().isEmpty() ? FlushReason.FIRST_NOTIFICATION : FlushReason.NEW_ALERTS;
        }
        if (firing.isEmpty()) {
            return entry.firing().isEmpty() ? FlushReason.NONE : FlushReason.ALL_RESOLVED;
        }
        if (sendResolved && !entry.resolved().containsAll(resolved)) {
            return FlushReason.NEW_RESOLVED;
        }
        return entry.timestamp().isBefore(now.minus(repeatInterval)) ? FlushReason.REPEAT : FlushReason.NONE;
    }

    static SortedSet<Fingerprint> fingerprints(List<LabelledAlert> alerts, boolean resolved) {
        return alerts.stream()
                .filter(alert -> alert.resolved() == resolved)
                .map(LabelledAlert::fingerprint)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
