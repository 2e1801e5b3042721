package dev.slopipeline.streams.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts summed per SLO series and event-time minute (bad ones also per service and operation, which alerts name
 * as contributors) before the repartition, so that thousands of events cross it as one record.
 *
 * <p>The sums live in a state store with a changelog, not in a field: under exactly-once a commit writes
 * the store's changelog in the same transaction as the input offsets, so sums whose events were committed
 * survive a crash, and sums whose events were not are rebuilt when those events are read again. A field
 * would lose the first kind. In the application the store is a {@link WriteAtCommitStore}, so a write per event
 * costs a map put and the changelog gets each changed sum once per commit. {@link #drain} hands every sum on in
 * key order (by series, then minute) and empties the store.
 *
 * <pre>
 * key:   series key UTF-8 (the SLO name when not split), 0, long minute (big-endian) [, int service length, service UTF-8, operation UTF-8   when bad]
 * value: long good, long bad, long latest event time (epoch millis)
 * </pre>
 */
final class PreSums {

    /** One drained sum, keyed by its series. */
    record Sum(String series, SloInput.Counts counts) {
    }

    private static final int VALUE_BYTES = 3 * Long.BYTES;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final KeyValueStore<Bytes, byte[]> store;
    /**
     * What the store holds, as numbers, for the keys written since the last drain: spares a store read per
     * event, and the store key's bytes are built once per key and interval rather than per event. The store
     * stays the authority: a key not here is read from it (sums restored after a crash).
     */
    private final Map<Slot, Held> held = new HashMap<>();

    /**
     * A store key as fields, hashed from the strings' cached hash codes without encoding them. Written out
     * rather than a record: a record's generated hashCode and equals showed in the profile of every event.
     */
    private static final class Slot {
        final String series;
        final long minute;
        final String service;
        final String operation;
        private final int hash;

        Slot(String series, long minute, String service, String operation) {
            this.series = series;
            this.minute = minute;
            this.service = service;
            this.operation = operation;
            this.hash = (31 * (31 * series.hashCode() + Long.hashCode(minute)) + Objects.hashCode(service)) * 31
                    + Objects.hashCode(operation);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Slot slot && slot.hash == hash && slot.minute == minute && slot.series.equals(series)
                    && Objects.equals(slot.service, service) && Objects.equals(slot.operation, operation);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** One key's sums and its encoded store key. */
    private static final class Held {
        final Bytes key;
        long good;
        long bad;
        long latest = Long.MIN_VALUE;

        Held(Bytes key) {
            this.key = key;
        }

        byte[] value() {
            // written once per event: a ByteBuffer here was an allocation per event that escape analysis kept
            byte[] value = new byte[VALUE_BYTES];
            LONGS.set(value, 0, good);
            LONGS.set(value, Long.BYTES, bad);
            LONGS.set(value, 2 * Long.BYTES, latest);
            return value;
        }
    }

    PreSums(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    void add(String series, long eventTimeMillis, long good, long bad, String service, String operation) {
        boolean traced = bad > 0;
        Slot slot = new Slot(series, Math.floorDiv(eventTimeMillis, 60_000L), traced ? service : null, traced ? operation : null);
        Held sum = held.get(slot);
        if (sum == null) {
            sum = stored(key(slot));
            held.put(slot, sum);
        }
        sum.good += good;
        sum.bad += bad;
        sum.latest = Math.max(sum.latest, eventTimeMillis);
        store.put(sum.key, sum.value());
    }

    private Held stored(Bytes key) {
        Held sum = new Held(key);
        byte[] value = store.get(key);
        if (value != null) {
            ByteBuffer stored = ByteBuffer.wrap(value);
            sum.good = stored.getLong();
            sum.bad = stored.getLong();
            sum.latest = stored.getLong();
        }
        return sum;
    }

    /** Hands on every sum, by series and then minute, and forgets them. */
    void drain(Consumer<Sum> sink) {
        List<Bytes> drained = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<Bytes, byte[]> entry = entries.next();
                drained.add(entry.key);
                sink.accept(sum(entry.key.get(), entry.value));
            }
        }
        drained.forEach(store::delete);
        held.clear();
    }

    private static Sum sum(byte[] key, byte[] value) {
        int seriesEnd = indexOf(key, 0);
        String series = new String(key, 0, seriesEnd, StandardCharsets.UTF_8);
        int contributor = seriesEnd + 1 + Long.BYTES;
        String service = null;
        String operation = null;
        if (key.length > contributor) {
            int serviceLength = ByteBuffer.wrap(key, contributor, Integer.BYTES).getInt();
            int serviceStart = contributor + Integer.BYTES;
            service = new String(key, serviceStart, serviceLength, StandardCharsets.UTF_8);
            operation = new String(key, serviceStart + serviceLength, key.length - serviceStart - serviceLength, StandardCharsets.UTF_8);
        }
        ByteBuffer counts = ByteBuffer.wrap(value);
        long good = counts.getLong();
        long bad = counts.getLong();
        long latest = counts.getLong();
        return new Sum(series, new SloInput.Counts(latest, good, bad, bad > 0 ? service : null, bad > 0 ? operation : null));
    }

    private static Bytes key(Slot slot) {
        byte[] name = slot.series.getBytes(StandardCharsets.UTF_8);
        byte[] serviceBytes = slot.service == null ? null : slot.service.getBytes(StandardCharsets.UTF_8);
        byte[] operationBytes = slot.operation == null ? null : slot.operation.getBytes(StandardCharsets.UTF_8);
        int length = name.length + 1 + Long.BYTES
                + (serviceBytes == null ? 0 : Integer.BYTES + serviceBytes.length + operationBytes.length);
        ByteBuffer key = ByteBuffer.allocate(length).put(name).put((byte) 0).putLong(slot.minute);
        if (serviceBytes != null) {
            key.putInt(serviceBytes.length).put(serviceBytes).put(operationBytes);
        }
        return Bytes.wrap(key.array());
    }

    /** Series keys hold no NUL: SLO names are DNS-label-like, and a series key escapes its values. */
    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return bytes.length;
    }
}
