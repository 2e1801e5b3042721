package dev.slopipeline.streams.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.SortedSet;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The parts of many SLOs in one key-value store, each under the key {@code <slo name> NUL <part>}.
 * SLO names never hold a NUL (they are DNS-label-like), so one SLO's parts are exactly the keys
 * with its prefix, and a prefix scan finds them.
 */
public final class SloKeyspace {

    private static final byte SEPARATOR = 0;
    private static final BytesSerializer PREFIX_SERIALIZER = new BytesSerializer();

    private final KeyValueStore<Bytes, byte[]> store;

    public SloKeyspace(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /** Writes the parts of one SLO. */
    public PartSink partsOf(String slo) {
        byte[] prefix = prefix(slo);
        return new PartSink() {
            @Override
            public void put(byte[] part, byte[] value) {
                store.put(key(prefix, part), value);
            }

            @Override
            public void delete(byte[] part) {
                store.delete(key(prefix, part));
            }
        };
    }

    /** Every part of one SLO, in key order. */
    public List<Part> read(String slo) {
        return read(store, slo);
    }

    /** Every part of one SLO in a store read through an interactive query, in key order. */
    public static List<Part> read(ReadOnlyKeyValueStore<Bytes, byte[]> store, String slo) {
        byte[] prefix = prefix(slo);
        List<Part> parts = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = store.prefixScan(Bytes.wrap(prefix), PREFIX_SERIALIZER)) {
            while (entries.hasNext()) {
                KeyValue<Bytes, byte[]> entry = entries.next();
                byte[] key = entry.key.get();
                parts.add(new Part(Arrays.copyOfRange(key, prefix.length, key.length), entry.value));
            }
        }
        return parts;
    }

    /** Deletes every part of one SLO. */
    public void deleteAll(String slo) {
        byte[] prefix = prefix(slo);
        for (Part part : read(slo)) {
            store.delete(key(prefix, part.name()));
        }
    }

    /** The SLOs that have parts here, by name. */
    public SortedSet<String> slos() {
        SortedSet<String> slos = new TreeSet<>();
        try (KeyValueIterator<Bytes, byte[]> entries = store.all()) {
            while (entries.hasNext()) {
                byte[] key = entries.next().key.get();
                int end = 0;
                while (end < key.length && key[end] != SEPARATOR) {
                    end++;
                }
                slos.add(new String(key, 0, end, StandardCharsets.UTF_8));
            }
        }
        return slos;
    }

    private static byte[] prefix(String slo) {
        byte[] name = slo.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = Arrays.copyOf(name, name.length + 1);
        prefix[name.length] = SEPARATOR;
        return prefix;
    }

    private static Bytes key(byte[] prefix, byte[] part) {
        byte[] key = Arrays.copyOf(prefix, prefix.length + part.length);
        System.arraycopy(part, 0, key, prefix.length, part.length);
        return Bytes.wrap(key);
    }
}
