package dev.slopipeline.streams.replay;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store in memory: what a replay's processors keep their state in, without the metering, change
 * logging and record context of a store inside a task, none of which outlives a replay. The processors rewrite
 * the same keys for every event, so the entries are hashed; the keys are kept in order beside them for the scans
 * (an SLO's state loaded or dropped), which see them in key order as in Kafka's in-memory store.
 */
class MemoryStore<K extends Comparable<K>, V> implements KeyValueStore<K, V> {

    private final String name;
    private final Map<K, V> entries = new HashMap<>();
    private final NavigableSet<K> keys = new TreeSet<>();

    MemoryStore(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
    }

    @Override
    public void close() {
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    /** As Kafka's stores: a null value deletes. */
    @Override
    public void put(K key, V value) {
        if (value == null) {
            delete(key);
        } else if (entries.put(key, value) == null) {
            keys.add(key);
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V present = entries.get(key);
        if (present == null) {
            put(key, value);
        }
        return present;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> pairs) {
        pairs.forEach(pair -> put(pair.key, pair.value));
    }

    @Override
    public V delete(K key) {
        V removed = entries.remove(key);
        if (removed != null) {
            keys.remove(key);
        }
        return removed;
    }

    @Override
    public V get(K key) {
        return entries.get(key);
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return iterator(keys.subSet(from, true, to, true));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return iterator(keys);
    }

    /** Only for stores keyed by {@link Bytes}, as every prefix-scanned store of the topology is. */
    @Override
    @SuppressWarnings("unchecked")
    public <S extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, S serializer) {
        Bytes from = Bytes.wrap(serializer.serialize(null, prefix));
        return iterator(keys.subSet((K) from, true, (K) Bytes.increment(from), false));
    }

    @Override
    public long approximateNumEntries() {
        return entries.size();
    }

    /** The entries of these keys, in key order; a snapshot, so that the store may change while it is read. */
    private KeyValueIterator<K, V> iterator(Set<K> scanned) {
        Iterator<KeyValue<K, V>> snapshot = scanned.stream()
                .map(key -> KeyValue.pair(key, entries.get(key)))
                .toList().iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return snapshot.hasNext();
            }

            @Override
            public KeyValue<K, V> next() {
                return snapshot.next();
            }

            @Override
            public void close() {
            }

            @Override
            public K peekNextKey() {
                throw new UnsupportedOperationException("peekNextKey is not used by the topology's processors");
            }
        };
    }
}
