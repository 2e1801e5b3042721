package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.Fingerprint;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a receiver was last told about a group: the alerts that were firing and resolved in that notification.
 *
 * @param timestamp when it was decided (the flush time), which the repeat interval counts from
 * @param sequence  1 for the first notification the log remembers for this group and receiver, then 2, 3, ...;
 *                  the idempotency key is built on it
 */
public record LogEntry(String groupKey,
                       String receiver,
                       SortedSet<Fingerprint> firing,
                       SortedSet<Fingerprint> resolved,
                       Instant timestamp,
                       long sequence) {

    public LogEntry {
        Objects.requireNonNull(groupKey, "groupKey");
        Objects.requireNonNull(receiver, "receiver");
        firing = sortedCopy(firing);
        resolved = sortedCopy(resolved);
        Objects.requireNonNull(timestamp, "timestamp");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, got " + sequence);
        }
    }

    static SortedSet<Fingerprint> sortedCopy(Collection<Fingerprint> fingerprints) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(fingerprints));
    }
}
