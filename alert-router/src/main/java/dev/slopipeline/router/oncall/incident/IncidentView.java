package dev.slopipeline.router.oncall.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads incidents from a store that holds them as {@link IncidentJson}, keyed by id (the global store every instance
 * keeps of {@code router.incidents}). A record that cannot be read is skipped with a warning.
 */
public final class IncidentView {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentView.class);

    /** Newest first; two triggered in the same instant by id, so the order is stable. */
    public static final Comparator<Incident> NEWEST_FIRST = Comparator.comparing(Incident::triggeredAt).reversed()
            .thenComparing(Incident::id);

    private final ReadOnlyKeyValueStore<String, byte[]> store;

    public IncidentView(ReadOnlyKeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    public Optional<Incident> find(String id) {
        return Optional.ofNullable(store.get(id)).flatMap(bytes -> decode(id, bytes));
    }

    /** Every incident, newest first. */
    public List<Incident> all() {
        List<Incident> incidents = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.all()) {
            entries.forEachRemaining(entry -> decode(entry.key, entry.value).ifPresent(incidents::add));
        }
        incidents.sort(NEWEST_FIRST);
        return incidents;
    }

    private static Optional<Incident> decode(String id, byte[] bytes) {
        try {
            return Optional.of(IncidentJson.read(bytes));
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping incident {}: {}", id, e.getMessage());
            return Optional.empty();
        }
    }
}
