package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.Fingerprint;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One group of one route: the alerts that share the route's grouping labels, and when the group flushes next.
 * Immutable; the engine replaces it as alerts join and flushes happen.
 *
 * @param key         the route's group key for these labels ({@link dev.slopipeline.router.routing.route.Route#groupKey})
 * @param routeId     the route the group belongs to, by ID, so it can be found again after a restart
 * @param labels      the grouping labels
 * @param nextFlushAt group_wait after the group opened, then group_interval after each flush
 * @param hasFlushed  whether it flushed at least once; until then an alert that started more than group_wait ago
 *                    flushes it at once
 * @param alerts      the fingerprints of its alerts
 */
public record AggregationGroup(String key,
                               String routeId,
                               Map<String, String> labels,
                               Instant nextFlushAt,
                               boolean hasFlushed,
                               SortedSet<Fingerprint> alerts) {

    public AggregationGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(routeId, "routeId");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        Objects.requireNonNull(nextFlushAt, "nextFlushAt");
        alerts = LogEntry.sortedCopy(alerts);
    }

    static AggregationGroup open(String key, String routeId, SortedMap<String, String> labels, Instant firstFlushAt) {
        return new AggregationGroup(key, routeId, labels, firstFlushAt, false, new TreeSet<>());
    }

    AggregationGroup with(Fingerprint alert) {
        SortedSet<Fingerprint> more = new TreeSet<>(alerts);
        more.add(alert);
        return new AggregationGroup(key, routeId, labels, nextFlushAt, hasFlushed, more);
    }

    AggregationGroup without(Collection<Fingerprint> gone) {
        SortedSet<Fingerprint> fewer = new TreeSet<>(alerts);
        fewer.removeAll(gone);
        return new AggregationGroup(key, routeId, labels, nextFlushAt, hasFlushed, fewer);
    }

    /** Flushes at {@code when} if that is sooner than planned. */
    AggregationGroup dueBy(Instant when) {
        return when.isBefore(nextFlushAt)
                ? new AggregationGroup(key, routeId, labels, when, hasFlushed, alerts)
                : this;
    }

    AggregationGroup flushed(Instant nextFlush) {
        return new AggregationGroup(key, routeId, labels, nextFlush, true, alerts);
    }
}
