package dev.slopipeline.router.notification;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.notification.Alert;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An alert as Alertmanager models it: identified by its labels alone, described by its annotations.
 *
 * <p>Labels and annotations are kept sorted by name, so iterating them and printing them is reproducible.
 *
 * <p>Transitions on {@code slo.alerts} are explicit, so an alert is resolved exactly when it carries an end time;
 * there is no resolve timeout.
 *
 * @param endsAt    when it resolved; null while it fires
 * @param updatedAt when the transition this state comes from happened, to tell a late, older transition from a
 *                  newer one
 */
public record LabelledAlert(Map<String, String> labels,
                            Map<String, String> annotations,
                            Instant startsAt,
                            Instant endsAt,
                            Instant updatedAt) {

    /**
     * Alertmanager's order of alerts in a notification ({@code LabelSet.Before}): fewer labels first; among sets of
     * one size, the first name (in name order over both sets) where they differ decides: the set lacking it comes
     * first, else the smaller value.
     */
    public static final Comparator<LabelledAlert> BY_LABELS = (a, b) -> compareLabelSets(a.labels, b.labels);

    public LabelledAlert {
        labels = sortedCopy(labels, "labels");
        annotations = sortedCopy(annotations, "annotations");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (endsAt != null && endsAt.isBefore(startsAt)) {
            throw new IllegalArgumentException("alert " + labels + " ends at " + endsAt + ", before it starts at "
                    + startsAt);
        }
    }

    /** Derived from the labels on each call: cheap for the handful of labels an alert has, and never stale. */
    public Fingerprint fingerprint() {
        return Fingerprint.of(labels);
    }

    public boolean resolved() {
        return endsAt != null;
    }

    public AlertState status() {
        return resolved() ? AlertState.RESOLVED : AlertState.FIRING;
    }

    /** The shape the dispatcher delivers; no generator URL yet, as nothing serves one. */
    public Alert toDelivery() {
        return new Alert(status(), labels, annotations, startsAt, endsAt, null, fingerprint().toString());
    }

    private static SortedMap<String, String> sortedCopy(Map<String, String> map, String what) {
        Objects.requireNonNull(map, what);
        TreeMap<String, String> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, what + " key"),
                Objects.requireNonNull(value, () -> what + "." + key)));
        return Collections.unmodifiableSortedMap(copy);
    }

    private static int compareLabelSets(Map<String, String> a, Map<String, String> b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        SortedSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            String left = a.get(name);
            String right = b.get(name);
            if (left == null) {
                return -1;
            }
            if (right == null) {
                return 1;
            }
            int byValue = left.compareTo(right);
            if (byValue != 0) {
                return byValue;
            }
        }
        return 0;
    }
}
