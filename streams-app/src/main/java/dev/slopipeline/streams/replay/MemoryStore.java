package dev.slopipeline.streams.replay;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store in a sorted map, in key order as Kafka's in-memory store: what a replay's processors keep
 * their state in, without the metering, change logging and record context of a store inside a task, none of
 * which outlives a replay.
 */
final class MemoryStore<K extends Comparable<K>, V> implements KeyValueStore<K, V> {

    private final String name;
    private final NavigableMap<K, V> entries = new TreeMap<>();

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
            entries.remove(key);
        } else {
            entries.put(key, value);
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
        return entries.remove(key);
    }

    @Override
    public V get(K key) {
        return entries.get(key);
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return iterator(entries.subMap(from, true, to, true));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return iterator(entries);
    }

    /** Only for stores keyed by {@link Bytes}, as every prefix-scanned store of the topology is. */
    @Override
    @SuppressWarnings("unchecked")
    public <S extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, S serializer) {
        Bytes from = Bytes.wrap(serializer.serialize(null, prefix));
        Bytes to = Bytes.increment(from);
        return iterator(entries.subMap((K) from, true, (K) to, false));
    }

    @Override
    public long approximateNumEntries() {
        return entries.size();
    }

    /** A snapshot, so that the store may change while it is read, as Kafka's in-memory store allows. */
    private KeyValueIterator<K, V> iterator(Map<K, V> view) {
        Iterator<KeyValue<K, V>> snapshot = view.entrySet().stream()
                .map(entry -> KeyValue.pair(entry.getKey(), entry.getValue()))
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
