package dev.slopipeline.streams.health;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.streams.store.Part;
import dev.slopipeline.streams.store.PartSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest result of each component health check (service, check, target) on the services an
 * SLO's journey covers, kept for a short time so that an alert can say which components were
 * failing around it. A component check never pages by itself: this is its only way onto an alert.
 *
 * <p>Bounded: results older than the time to live (in event time, behind the newest result seen)
 * are dropped as new ones arrive, and at most {@value #KEPT} checks are kept, the least recently
 * reported leaving first. Every change is written through to the SLO's parts at once.
 */
public final class HealthContext {

    static final int KEPT = 64;
    private static final byte PART = 'x';
    private static final Comparator<Check> ORDER = Comparator.comparing(Check::service)
            .thenComparing(Check::check)
            .thenComparing(Check::target);

    /** @param target empty when the check named none */
    private record Check(String service, String check, String target) {
    }

    private record Result(HealthStatus status, long atMillis) {
    }

    private final Duration timeToLive;
    private final TreeMap<Check, Result> latest = new TreeMap<>(ORDER);

    private HealthContext(Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    public static HealthContext empty(Duration timeToLive) {
        return new HealthContext(timeToLive);
    }

    /** Keeps a check's result unless a newer one of the same check is already kept. */
    public void record(String service, String check, String target, HealthStatus status, Instant at, PartSink sink) {
        Check key = new Check(service, check, target == null ? "" : target);
        Result previous = latest.get(key);
        long atMillis = at.toEpochMilli();
        if (previous != null && previous.atMillis() > atMillis) {
            return;
        }
        latest.put(key, new Result(status, atMillis));
        sink.put(part(key), ByteBuffer.allocate(1 + Long.BYTES).put((byte) status.ordinal()).putLong(atMillis).array());
        expire(atMillis - timeToLive.toMillis(), sink);
        while (latest.size() > KEPT) {
            Check oldest = latest.entrySet().stream()
                    .min(Comparator.comparingLong((Map.Entry<Check, Result> e) -> e.getValue().atMillis()))
                    .orElseThrow().getKey();
            latest.remove(oldest);
            sink.delete(part(oldest));
        }
    }

    /**
     * Checks that were not passing at their latest result, reported no earlier than the time to live
     * before {@code at}: the components failing around an alert, by service, check and target.
     */
    public List<Alert.Context> failingAround(Instant at) {
        long since = at.toEpochMilli() - timeToLive.toMillis();
        return latest.entrySet().stream()
                .filter(e -> e.getValue().status() != HealthStatus.PASS && e.getValue().atMillis() >= since)
                .map(e -> new Alert.Context(e.getKey().service(), e.getKey().check(), e.getValue().status(),
                        e.getKey().target().isEmpty() ? null : e.getKey().target(), Instant.ofEpochMilli(e.getValue().atMillis())))
                .toList();
    }

    /** Drops results reported before {@code now} minus the time to live. */
    public void expire(Instant now, PartSink sink) {
        expire(now.toEpochMilli() - timeToLive.toMillis(), sink);
    }

    private void expire(long beforeMillis, PartSink sink) {
        Iterator<Map.Entry<Check, Result>> entries = latest.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Check, Result> entry = entries.next();
            if (entry.getValue().atMillis() < beforeMillis) {
                entries.remove();
                sink.delete(part(entry.getKey()));
            }
        }
    }

    /** The context the parts describe. */
    public static HealthContext rebuild(Duration timeToLive, List<Part> parts) {
        HealthContext context = new HealthContext(timeToLive);
        for (Part part : parts) {
            ByteBuffer name = ByteBuffer.wrap(part.name());
            ByteBuffer value = ByteBuffer.wrap(part.value());
            if (name.remaining() < 1 || name.get() != PART || value.remaining() != 1 + Long.BYTES) {
                throw new IllegalArgumentException("health context has an unknown part of " + part.name().length + " bytes");
            }
            Check check = new Check(text(name), text(name), text(name));
            context.latest.put(check, new Result(HealthStatus.values()[value.get()], value.getLong()));
        }
        return context;
    }

    /** {@code 'x'}, then service, check and target, each as its length and UTF-8 bytes. */
    private static byte[] part(Check check) {
        byte[] service = check.service().getBytes(StandardCharsets.UTF_8);
        byte[] name = check.check().getBytes(StandardCharsets.UTF_8);
        byte[] target = check.target().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 3 * Short.BYTES + service.length + name.length + target.length)
                .put(PART)
                .putShort((short) service.length).put(service)
                .putShort((short) name.length).put(name)
                .putShort((short) target.length).put(target)
                .array();
    }

    private static String text(ByteBuffer in) {
        byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
