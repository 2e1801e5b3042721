package dev.slopipeline.streams.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * would lose the first kind. {@link #drain} hands every sum on in key order (by series, then minute) and
 * empties the store.
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

    private final KeyValueStore<Bytes, byte[]> store;
    /**
     * What the store holds, as numbers, for the keys written since the last drain: spares a store read per
     * event. The store stays the authority: a key not here is read from it (sums restored after a crash).
     */
    private final Map<Bytes, long[]> held = new HashMap<>();

    PreSums(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    void add(String series, long eventTimeMillis, long good, long bad, String service, String operation) {
        Bytes key = key(series, Math.floorDiv(eventTimeMillis, 60_000L), bad > 0 ? service : null, bad > 0 ? operation : null);
        long[] sum = held.computeIfAbsent(key, this::stored);
        sum[0] += good;
        sum[1] += bad;
        sum[2] = Math.max(sum[2], eventTimeMillis);
        store.put(key, ByteBuffer.allocate(VALUE_BYTES).putLong(sum[0]).putLong(sum[1]).putLong(sum[2]).array());
    }

    private long[] stored(Bytes key) {
        byte[] value = store.get(key);
        if (value == null) {
            return new long[] {0, 0, Long.MIN_VALUE};
        }
        ByteBuffer sum = ByteBuffer.wrap(value);
        return new long[] {sum.getLong(), sum.getLong(), sum.getLong()};
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

    private static Bytes key(String series, long minute, String service, String operation) {
        byte[] name = series.getBytes(StandardCharsets.UTF_8);
        byte[] serviceBytes = service == null ? null : service.getBytes(StandardCharsets.UTF_8);
        byte[] operationBytes = operation == null ? null : operation.getBytes(StandardCharsets.UTF_8);
        int length = name.length + 1 + Long.BYTES + (service == null ? 0 : Integer.BYTES + serviceBytes.length + operationBytes.length);
        ByteBuffer key = ByteBuffer.allocate(length).put(name).put((byte) 0).putLong(minute);
        if (service != null) {
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
