package dev.slopipeline.router.topology;

import dev.slopipeline.router.routing.silence.Silence;
import dev.slopipeline.router.routing.silence.Silences;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One task's copy of every silence, kept in step with the global silences store. The notification pipeline holds on
 * to {@link #silences()}; {@link #refresh} replaces its content only when the store changed, and decodes only the
 * silences that did, so refreshing before every flush costs a scan of a few hundred small entries at most.
 */
final class SilenceView {

    private final Silences silences = new Silences();
    private final SilenceRecords records = new SilenceRecords();
    private Map<String, byte[]> seen = Map.of();
    private Map<String, Silence> decoded = Map.of();

    Silences silences() {
        return silences;
    }

    void refresh(ReadOnlyKeyValueStore<String, byte[]> store) {
        Map<String, byte[]> current = new HashMap<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> current.put(entry.key, entry.value));
        }
        if (sameContent(current)) {
            return;
        }
        Map<String, Silence> next = new HashMap<>();
        current.forEach((id, bytes) -> {
            if (Arrays.equals(bytes, seen.get(id))) {
                // unchanged: decoded before, or found unreadable before (and warned about once)
                Silence known = decoded.get(id);
                if (known != null) {
                    next.put(id, known);
                }
            } else {
                records.decodeOrSkip(id, bytes).ifPresent(silence -> next.put(id, silence));
            }
        });
        silences.replaceAll(new ArrayList<>(next.values()));
        seen = current;
        decoded = next;
    }

    private boolean sameContent(Map<String, byte[]> current) {
        return current.size() == seen.size()
                && current.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), seen.get(e.getKey())));
    }
}
