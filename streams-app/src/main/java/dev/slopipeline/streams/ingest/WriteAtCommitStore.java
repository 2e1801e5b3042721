package dev.slopipeline.streams.ingest;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store that keeps its writes in a plain map and hands them to the store it wraps (and so to that
 * store's changelog) once per commit: the pre-sums are written once per event, and Kafka Streams' record cache
 * cost more per write than summing the event did.
 *
 * <p>Exactly-once holds because Kafka Streams flushes every task's caches ({@code flushCache}, the one hook a store
 * gets before its task's transaction commits) and only then commits the input offsets with the changelog
 * records: what a commit covers is in the changelog. That hook belongs to Kafka Streams' internal
 * {@code CachedStateStore}, as its own caching store does; {@code PreSumTest} fails if an upgrade stops calling it.
 * Writes not yet flushed when a task is closed dirty are dropped, as its events will be read again.
 */
public final class WriteAtCommitStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>, Bytes, byte[]>
        implements KeyValueStore<Bytes, byte[]> {

    /** Writes since the last flush; a null value is a delete. */
    private final Map<Bytes, byte[]> pending = new HashMap<>();

    WriteAtCommitStore(KeyValueStore<Bytes, byte[]> wrapped) {
        super(wrapped);
    }

    /** Builds the store that {@code inner} builds (its caching turned off) inside one of these. */
    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> around(StoreBuilder<KeyValueStore<Bytes, byte[]>> inner) {
        return new Builder(inner.withCachingDisabled());
    }

    @Override
    public void put(Bytes key, byte[] value) {
        pending.put(Objects.requireNonNull(key, "key"), value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public byte[] delete(Bytes key) {
        byte[] current = get(key);
        pending.put(Objects.requireNonNull(key, "key"), null);
        return current;
    }

    @Override
    public byte[] get(Bytes key) {
        byte[] value = pending.get(key);
        return value != null || pending.containsKey(key) ? value : wrapped().get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return merged(wrapped().range(from, to), from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return merged(wrapped().all(), null, null);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries() + pending.size();
    }

    @Override
    public void flushCache() {
        KeyValueStore<Bytes, byte[]> store = wrapped();
        pending.forEach((key, value) -> {
            if (value != null) {
                store.put(key, value);
            } else if (store.get(key) != null) {
                store.delete(key);
            }
        });
        pending.clear();
    }

    @Override
    public void clearCache() {
        pending.clear();
    }

    @Override
    public void commit(Map<org.apache.kafka.common.TopicPartition, Long> changelogOffsets) {
        flushCache();
        super.commit(changelogOffsets);
    }

    @Override
    public void close() {
        pending.clear();
        super.close();
    }

    /** The stored entries in {@code [from, to]} (null: unbounded) with the pending writes over them, in key order. */
    private KeyValueIterator<Bytes, byte[]> merged(KeyValueIterator<Bytes, byte[]> stored, Bytes from, Bytes to) {
        TreeMap<Bytes, byte[]> entries = new TreeMap<>();
        try (stored) {
            stored.forEachRemaining(entry -> entries.put(entry.key, entry.value));
        }
        pending.forEach((key, value) -> {
            if ((from != null && key.compareTo(from) < 0) || (to != null && key.compareTo(to) > 0)) {
                return;
            }
            if (value == null) {
                entries.remove(key);
            } else {
                entries.put(key, value);
            }
        });
        return new SnapshotIterator(entries);
    }

    /** A copy's entries, so that writes while iterating do not disturb it. */
    private static final class SnapshotIterator implements KeyValueIterator<Bytes, byte[]> {
        private final Iterator<Map.Entry<Bytes, byte[]>> entries;
        private Map.Entry<Bytes, byte[]> next;

        SnapshotIterator(TreeMap<Bytes, byte[]> snapshot) {
            this.entries = snapshot.entrySet().iterator();
            this.next = entries.hasNext() ? entries.next() : null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> current = KeyValue.pair(next.getKey(), next.getValue());
            next = entries.hasNext() ? entries.next() : null;
            return current;
        }

        @Override
        public Bytes peekNextKey() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            return next.getKey();
        }

        @Override
        public void close() {
        }
    }

    /** The inner builder's settings, its store wrapped. */
    private record Builder(StoreBuilder<KeyValueStore<Bytes, byte[]>> inner) implements StoreBuilder<KeyValueStore<Bytes, byte[]>> {

        @Override
        public StoreBuilder<KeyValueStore<Bytes, byte[]>> withCachingEnabled() {
            throw new UnsupportedOperationException("the store keeps its writes until a commit itself; a cache would only add a copy");
        }

        @Override
        public StoreBuilder<KeyValueStore<Bytes, byte[]>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<Bytes, byte[]>> withLoggingEnabled(Map<String, String> config) {
            return new Builder(inner.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<KeyValueStore<Bytes, byte[]>> withLoggingDisabled() {
            return new Builder(inner.withLoggingDisabled());
        }

        @Override
        public KeyValueStore<Bytes, byte[]> build() {
            return new WriteAtCommitStore(inner.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
