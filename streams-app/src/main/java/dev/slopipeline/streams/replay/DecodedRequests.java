package dev.slopipeline.streams.replay;

import dev.slopipeline.definitions.event.RequestEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Request events as the codec decoded them when their lines were read, kept in columns of numbers and handed out
 * as equal events again: millions of event objects kept for the whole replay would be copied by every young
 * collection, where a few arrays are not. Names and attribute sets are held once each, as recorded traffic repeats
 * them.
 */
final class DecodedRequests {

    private static final int NONE = -1;
    private static final int NANOS_PER_MILLI = 1_000_000;

    /** The index of the first line this holds events of. */
    private final int base;
    private final Interned<String> names = new Interned<>();
    private final Interned<Map<String, String>> attributeSets = new Interned<>();
    private long[] millis = new long[0];
    /** The timestamp's nanoseconds beyond its milliseconds, which an ISO-8601 time may have. */
    private int[] nanosOfMilli = new int[0];
    private int[] services = new int[0];
    private int[] operations = new int[0];
    private int[] statuses = new int[0];
    private double[] latencies = new double[0];
    private long[] counts = new long[0];
    private int[] attributes = new int[0];

    /** @param base the index of the first line whose event this may hold */
    DecodedRequests(int base) {
        this.base = base;
    }

    /** Keeps the event of line {@code line}; lines without one (refused, or health) are simply not put. */
    void put(int line, RequestEvent event) {
        int index = line - base;
        if (index >= services.length) {
            grow(Math.max(1024, Math.max(index + 1, services.length * 2)));
        }
        Instant timestamp = event.timestamp();
        millis[index] = timestamp.toEpochMilli();
        nanosOfMilli[index] = timestamp.getNano() % NANOS_PER_MILLI;
        services[index] = names.id(event.service());
        operations[index] = names.id(event.operation());
        statuses[index] = event.status();
        latencies[index] = event.latencyMs();
        counts[index] = event.count();
        attributes[index] = attributeSets.id(event.attributes());
    }

    /** An event equal to the one put for line {@code line}, or null when none was. */
    RequestEvent get(int line) {
        int index = line - base;
        if (index >= services.length || services[index] == NONE) {
            return null;
        }
        Instant timestamp = Instant.ofEpochMilli(millis[index]);
        if (nanosOfMilli[index] != 0) {
            timestamp = timestamp.plusNanos(nanosOfMilli[index]);
        }
        return new RequestEvent(timestamp, names.get(services[index]), names.get(operations[index]), statuses[index],
                latencies[index], counts[index], attributeSets.get(attributes[index]));
    }

    private void grow(int capacity) {
        int old = services.length;
        millis = Arrays.copyOf(millis, capacity);
        nanosOfMilli = Arrays.copyOf(nanosOfMilli, capacity);
        services = Arrays.copyOf(services, capacity);
        Arrays.fill(services, old, capacity, NONE);
        operations = Arrays.copyOf(operations, capacity);
        statuses = Arrays.copyOf(statuses, capacity);
        latencies = Arrays.copyOf(latencies, capacity);
        counts = Arrays.copyOf(counts, capacity);
        attributes = Arrays.copyOf(attributes, capacity);
    }

    /** Values held once each, by number. */
    private static final class Interned<T> {
        private final Map<T, Integer> ids = new HashMap<>();
        private final List<T> values = new ArrayList<>();

        int id(T value) {
            return ids.computeIfAbsent(value, v -> {
                values.add(v);
                return values.size() - 1;
            });
        }

        T get(int id) {
            return values.get(id);
        }
    }
}
