package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Alertmanager's notification log: per group and receiver, the last notification decided. Dedup reads it to tell
 * whether a flush has anything new to say; the sequence it keeps makes idempotency keys. Plain state, exported
 * whole with the rest of the grouping state.
 */
public final class NotificationLog {

    /**
     * How long an entry is kept after its last notification; Alertmanager's default data retention. A group whose
     * entry is gone is notified as if for the first time, and its sequence starts again at 1.
     */
    public static final Duration RETENTION = Duration.ofHours(120);

    private record Key(String groupKey, String receiver) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::groupKey).thenComparing(Key::receiver);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private final TreeMap<Key, LogEntry> entries = new TreeMap<>();

    public Optional<LogEntry> get(String groupKey, String receiver) {
        return Optional.ofNullable(entries.get(new Key(groupKey, receiver)));
    }

    /** Records a notification decided at {@code now}, one sequence number after the previous one. */
    public LogEntry record(String groupKey, String receiver, Set<Fingerprint> firing, Set<Fingerprint> resolved,
                           Instant now) {
        long sequence = get(groupKey, receiver).map(e -> e.sequence() + 1).orElse(1L);
        LogEntry entry = new LogEntry(groupKey, receiver, LogEntry.sortedCopy(firing), LogEntry.sortedCopy(resolved),
                now, sequence);
        entries.put(new Key(groupKey, receiver), entry);
        return entry;
    }

    /** Forgets entries last written {@link #RETENTION} or longer before {@code now}. */
    public void prune(Instant now) {
        Instant cutoff = now.minus(RETENTION);
        entries.values().removeIf(e -> !e.timestamp().isAfter(cutoff));
    }

    /** In group key and receiver order, for a snapshot. */
    public List<LogEntry> entries() {
        return List.copyOf(entries.values());
    }

    public void replaceAll(Collection<LogEntry> restored) {
        entries.clear();
        restored.forEach(e -> entries.put(new Key(e.groupKey(), e.receiver()), e));
    }
}
