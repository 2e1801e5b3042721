package dev.slopipeline.streams.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.streams.aggregate.SloStores;
import dev.slopipeline.streams.status.HistoryCodec;
import dev.slopipeline.streams.status.WindowCounts;
import dev.slopipeline.streams.store.Part;
import dev.slopipeline.streams.store.SloKeyspace;
import dev.slopipeline.streams.window.SloWindows;
import dev.slopipeline.streams.window.WindowParts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The statuses this instance holds: an interactive query of the topology's key-value store of status JSON
 * by SLO name, over the partitions this instance is active for. A history is computed on request from the
 * SLO's window buckets in the store {@value SloStores#WINDOWS}, on the same partition.
 */
public final class LocalStatusStore implements StatusSource {

    private final KafkaStreams streams;
    private final String storeName;

    public LocalStatusStore(KafkaStreams streams, String storeName) {
        this.streams = streams;
        this.storeName = storeName;
    }

    @Override
    public StatusLookup status(String slo) {
        return status(slo, OptionalInt.empty());
    }

    @Override
    public StatusLookup history(String slo) {
        return history(slo, OptionalInt.empty());
    }

    /**
     * The status from the one partition that holds it, as the streams metadata said; any partition when empty. For a
     * split SLO, which has no status of its own, every series' status (see {@link SplitStatus}).
     */
    StatusLookup status(String slo, OptionalInt partition) {
        return read(() -> {
            ReadOnlyKeyValueStore<String, byte[]> store = statusStore(partition);
            byte[] json = store.get(slo);
            if (json != null) {
                return new StatusLookup.Found(json);
            }
            Map<String, byte[]> series = new LinkedHashMap<>();
            try (KeyValueIterator<String, byte[]> entries = store.range(SeriesKey.splitRangeStart(slo), SeriesKey.splitRangeEnd(slo))) {
                entries.forEachRemaining(entry -> series.put(entry.key, entry.value));
            }
            return series.isEmpty() ? new StatusLookup.Missing() : new StatusLookup.Found(SplitStatus.encode(slo, series));
        });
    }

    /** The history from the one partition that holds the SLO; any partition when empty. */
    StatusLookup history(String slo, OptionalInt partition) {
        return read(() -> {
            byte[] status = statusStore(partition).get(slo);
            if (status == null) {
                return new StatusLookup.Missing();
            }
            Optional<SloWindows> windows = windows(slo, partition);
            if (windows.isEmpty()) {
                return new StatusLookup.Missing();
            }
            JsonNode fields = Json.parse(status, "the stored status of " + slo);
            byte[] history = HistoryCodec.encode(slo, fields.path("objective").asDouble(),
                    fields.path("counts").path("unit").asText(WindowCounts.EVENTS), windows.get().latest(), windows.get().buckets());
            return new StatusLookup.Found(history);
        });
    }

    @Override
    public StatusListing all() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return StatusListing.unavailable("this instance: " + notRunning());
        }
        try (KeyValueIterator<String, byte[]> entries = statusStore(OptionalInt.empty()).all()) {
            Map<String, byte[]> bySlo = new LinkedHashMap<>();
            entries.forEachRemaining(entry -> bySlo.put(entry.key, entry.value));
            return new StatusListing(bySlo, List.of());
        } catch (InvalidStateStoreException e) {
            unknownStoreIsAMistake(e, storeName);
            return StatusListing.unavailable("this instance: " + e.getMessage());
        }
    }

    private StatusLookup read(Supplier<StatusLookup> query) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new StatusLookup.Unavailable(notRunning());
        }
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            unknownStoreIsAMistake(e, storeName);
            return new StatusLookup.Unavailable(e.getMessage());
        }
    }

    private ReadOnlyKeyValueStore<String, byte[]> statusStore(OptionalInt partition) {
        return streams.store(onPartition(StoreQueryParameters.fromNameAndType(storeName,
                QueryableStoreTypes.<String, byte[]>keyValueStore()), partition));
    }

    /** Empty when the topology keeps no windows store (a topology of another shape): no history then. */
    private Optional<SloWindows> windows(String slo, OptionalInt partition) {
        ReadOnlyKeyValueStore<Bytes, byte[]> store;
        try {
            store = streams.store(onPartition(StoreQueryParameters.fromNameAndType(SloStores.WINDOWS,
                    QueryableStoreTypes.<Bytes, byte[]>keyValueStore()), partition));
        } catch (UnknownStateStoreException e) {
            return Optional.empty();
        }
        List<Part> parts = SloKeyspace.read(store, slo);
        try {
            return WindowParts.rebuild(parts);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the stored windows of " + slo + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static <T> StoreQueryParameters<T> onPartition(StoreQueryParameters<T> parameters, OptionalInt partition) {
        return partition.isPresent() ? parameters.withPartition(partition.getAsInt()) : parameters;
    }

    private String notRunning() {
        return "the streams client is " + streams.state() + ", not RUNNING";
    }

    /** Every other InvalidStateStoreException passes with a rebalance; this one is a configuration error. */
    private static void unknownStoreIsAMistake(InvalidStateStoreException e, String storeName) {
        if (e instanceof UnknownStateStoreException) {
            throw new IllegalStateException("The topology has no state store named \"" + storeName
                    + "\"; set status.store to the store that holds status JSON by SLO name", e);
        }
    }
}
