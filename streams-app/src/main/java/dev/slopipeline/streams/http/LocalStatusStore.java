package dev.slopipeline.streams.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The statuses this instance holds: an interactive query of the topology's key-value store of status JSON
 * by SLO name, over the partitions this instance is active for.
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
        return lookup(slo, StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
    }

    /** The status from the one partition that holds it, as the streams metadata said. */
    StatusLookup status(String slo, int partition) {
        return lookup(slo, StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, byte[]>keyValueStore())
                .withPartition(partition));
    }

    @Override
    public StatusListing all() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return StatusListing.unavailable("this instance: " + notRunning());
        }
        try (KeyValueIterator<String, byte[]> entries = streams.store(StoreQueryParameters.fromNameAndType(
                storeName, QueryableStoreTypes.<String, byte[]>keyValueStore())).all()) {
            Map<String, byte[]> bySlo = new LinkedHashMap<>();
            entries.forEachRemaining(entry -> bySlo.put(entry.key, entry.value));
            return new StatusListing(bySlo, List.of());
        } catch (InvalidStateStoreException e) {
            unknownStoreIsAMistake(e);
            return StatusListing.unavailable("this instance: " + e.getMessage());
        }
    }

    private StatusLookup lookup(String slo, StoreQueryParameters<ReadOnlyKeyValueStore<String, byte[]>> parameters) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new StatusLookup.Unavailable(notRunning());
        }
        try {
            byte[] json = streams.store(parameters).get(slo);
            return json == null ? new StatusLookup.Missing() : new StatusLookup.Found(json);
        } catch (InvalidStateStoreException e) {
            unknownStoreIsAMistake(e);
            return new StatusLookup.Unavailable(e.getMessage());
        }
    }

    private String notRunning() {
        return "the streams client is " + streams.state() + ", not RUNNING";
    }

    /** Every other InvalidStateStoreException passes with a rebalance; this one is a configuration error. */
    private void unknownStoreIsAMistake(InvalidStateStoreException e) {
        if (e instanceof UnknownStateStoreException) {
            throw new IllegalStateException("The topology has no state store named \"" + storeName
                    + "\"; set status.store to the store that holds status JSON by SLO name", e);
        }
    }
}
