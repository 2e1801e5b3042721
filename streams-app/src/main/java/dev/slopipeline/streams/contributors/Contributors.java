package dev.slopipeline.streams.contributors;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.streams.store.Part;
import dev.slopipeline.streams.store.PartSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which services and operations an SLO's bad events came from lately: bad counts per source in the
 * current and the previous event-time hour (UTC), so an alert can say where its errors come from.
 *
 * <p>An approximation, bounded on purpose: each hour keeps its {@value #KEPT} sources with the most
 * bad events; a new source arriving when an hour is full replaces the one with the fewest. A
 * journey with more failing sources than that may therefore miss or undercount a small one; the
 * few reported on an alert ({@value #REPORTED}) are exact unless more than {@value #KEPT} sources
 * fail at once. Events older than the previous hour are not counted. "Lately" therefore covers one
 * to two hours, roughly the long window of the fast page.
 *
 * <p>Every change is written through to the SLO's parts at once: one part per source and hour.
 */
public final class Contributors {

    static final int KEPT = 20;
    static final int REPORTED = 5;
    private static final long MILLIS_PER_HOUR = 3_600_000L;
    private static final byte PART = 'c';

    private record Source(String service, String operation) {
    }

    /** Bad counts of one hour. */
    private static final class Hour {
        final long hour;
        final Map<Source, Long> bad = new HashMap<>();

        Hour(long hour) {
            this.hour = hour;
        }
    }

    private Hour current;
    private Hour previous;

    /** Nothing counted yet. */
    public static Contributors none() {
        return new Contributors();
    }

    /**
     * Counts bad events of one source at an event time.
     *
     * @param sink where this SLO's contributor parts are kept
     */
    public void add(String service, String operation, long badEvents, Instant eventTime, PartSink sink) {
        if (badEvents <= 0) {
            return;
        }
        long hour = Math.floorDiv(eventTime.toEpochMilli(), MILLIS_PER_HOUR);
        Hour bucket = bucketFor(hour, sink);
        if (bucket == null) {
            return;
        }
        Source source = new Source(service, operation);
        Long counted = bucket.bad.get(source);
        if (counted == null && bucket.bad.size() == KEPT) {
            Source fewest = fewest(bucket);
            bucket.bad.remove(fewest);
            sink.delete(part(bucket.hour, fewest));
        }
        long total = (counted == null ? 0 : counted) + badEvents;
        bucket.bad.put(source, total);
        sink.put(part(bucket.hour, source), ByteBuffer.allocate(Long.BYTES).putLong(total).array());
    }

    /** The sources with the most bad events in the hour of {@code at} and the one before, worst first. */
    public List<Alert.Contributor> top(Instant at) {
        long hour = Math.floorDiv(at.toEpochMilli(), MILLIS_PER_HOUR);
        Map<Source, Long> merged = new HashMap<>();
        for (Hour bucket : new Hour[] {current, previous}) {
            if (bucket != null && bucket.hour >= hour - 1 && bucket.hour <= hour) {
                bucket.bad.forEach((source, bad) -> merged.merge(source, bad, Long::sum));
            }
        }
        return merged.entrySet().stream()
                .sorted(Map.Entry.<Source, Long>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().service())
                        .thenComparing(e -> e.getKey().operation()))
                .limit(REPORTED)
                .map(e -> new Alert.Contributor(e.getKey().service(), e.getKey().operation(), e.getValue()))
                .toList();
    }

    /** The contributors the parts describe; the two newest hours are kept. */
    public static Contributors rebuild(List<Part> parts) {
        TreeMap<Long, Hour> hours = new TreeMap<>();
        for (Part part : parts) {
            ByteBuffer name = ByteBuffer.wrap(part.name());
            if (name.remaining() < 1 + Long.BYTES + Short.BYTES || name.get() != PART) {
                throw new IllegalArgumentException("contributor state has an unknown part of " + part.name().length + " bytes");
            }
            long hour = name.getLong();
            int serviceLength = Short.toUnsignedInt(name.getShort());
            String service = new String(part.name(), name.position(), serviceLength, StandardCharsets.UTF_8);
            name.position(name.position() + serviceLength);
            String operation = new String(part.name(), name.position(), name.remaining(), StandardCharsets.UTF_8);
            hours.computeIfAbsent(hour, Hour::new).bad.put(new Source(service, operation), ByteBuffer.wrap(part.value()).getLong());
        }
        Contributors contributors = new Contributors();
        contributors.current = hours.isEmpty() ? null : hours.lastEntry().getValue();
        contributors.previous = hours.size() < 2 ? null : hours.lowerEntry(hours.lastKey()).getValue();
        return contributors;
    }

    /** The bucket for an hour, moving the buckets on when it is newer; null when it is too old to count. */
    private Hour bucketFor(long hour, PartSink sink) {
        if (current == null || hour > current.hour) {
            boolean adjacent = current != null && hour == current.hour + 1;
            drop(previous, sink);
            if (adjacent) {
                previous = current;
            } else {
                drop(current, sink);
                previous = null;
            }
            current = new Hour(hour);
            return current;
        }
        if (hour == current.hour) {
            return current;
        }
        if (hour == current.hour - 1) {
            if (previous == null) {
                previous = new Hour(hour);
            }
            return previous;
        }
        return null;
    }

    private static void drop(Hour bucket, PartSink sink) {
        if (bucket != null) {
            bucket.bad.keySet().forEach(source -> sink.delete(part(bucket.hour, source)));
        }
    }

    private static Source fewest(Hour bucket) {
        return bucket.bad.entrySet().stream()
                .min(Map.Entry.<Source, Long>comparingByValue()
                        .thenComparing(e -> e.getKey().service())
                        .thenComparing(e -> e.getKey().operation()))
                .map(Map.Entry::getKey)
                .orElseThrow();
    }

    /** {@code 'c'}, the hour, then the service's length and UTF-8 bytes, then the operation's bytes. */
    private static byte[] part(long hour, Source source) {
        byte[] service = source.service().getBytes(StandardCharsets.UTF_8);
        byte[] operation = source.operation().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + Long.BYTES + Short.BYTES + service.length + operation.length)
                .put(PART).putLong(hour).putShort((short) service.length).put(service).put(operation).array();
    }
}
