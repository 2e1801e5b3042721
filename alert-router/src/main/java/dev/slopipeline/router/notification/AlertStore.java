package dev.slopipeline.router.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The latest state of every alert the router knows, by fingerprint: firing ones, and resolved ones for a while
 * after they resolved, so that a late copy of an older transition cannot bring a resolved alert back.
 *
 * <p>Plain state without clocks or threads: callers pass the time and own the synchronisation (a stream task owns
 * one store). Iteration is in fingerprint order, so exports are reproducible.
 */
public final class AlertStore {

    /** How long a resolved alert is remembered once nothing else holds it; Alertmanager's default data retention. */
    public static final Duration RESOLVED_RETENTION = Duration.ofHours(120);

    /** What {@link #put} did with an alert. */
    public enum Admission {
        /** Not known before (or forgotten). */
        NEW,
        /** Replaced the known state with a state at least as recent. */
        UPDATED,
        /** Older than the known state; ignored. */
        STALE
    }

    private final TreeMap<Fingerprint, LabelledAlert> alerts = new TreeMap<>();

    /** Keeps {@code alert} unless the store already has a newer transition of it. */
    public Admission put(LabelledAlert alert) {
        Fingerprint fingerprint = alert.fingerprint();
        LabelledAlert known = alerts.get(fingerprint);
        if (known != null && alert.updatedAt().isBefore(known.updatedAt())) {
            return Admission.STALE;
        }
        alerts.put(fingerprint, alert);
        return known == null ? Admission.NEW : Admission.UPDATED;
    }

    public Optional<LabelledAlert> get(Fingerprint fingerprint) {
        return Optional.ofNullable(alerts.get(fingerprint));
    }

    public List<LabelledAlert> firing() {
        return alerts.values().stream().filter(a -> !a.resolved()).toList();
    }

    public List<LabelledAlert> all() {
        return List.copyOf(alerts.values());
    }

    /**
     * Forgets resolved alerts that ended {@link #RESOLVED_RETENTION} or longer before {@code now}, except those
     * {@code held} (still in a group that has not told its receivers yet).
     */
    public void prune(Instant now, Predicate<Fingerprint> held) {
        Instant cutoff = now.minus(RESOLVED_RETENTION);
        alerts.values().removeIf(a -> a.resolved() && !a.endsAt().isAfter(cutoff) && !held.test(a.fingerprint()));
    }

    /** Replaces the whole content, as restored from a snapshot. */
    public void replaceAll(Collection<LabelledAlert> restored) {
        alerts.clear();
        restored.forEach(a -> alerts.put(a.fingerprint(), a));
    }
}
