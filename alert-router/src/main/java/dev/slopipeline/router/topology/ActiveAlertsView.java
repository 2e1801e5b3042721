package dev.slopipeline.router.topology;

import dev.slopipeline.router.notification.AlertJson;
import dev.slopipeline.router.notification.LabelledAlert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One task's copy of every firing alert of the cluster, from the global store of {@code router.active-alerts}, for
 * inhibition. A refresh scans the store and decodes only the entries that changed since the last one.
 */
final class ActiveAlertsView {

    private Map<String, byte[]> seen = Map.of();
    private Map<String, LabelledAlert> decoded = Map.of();

    List<LabelledAlert> refresh(ReadOnlyKeyValueStore<String, byte[]> store) {
        Map<String, byte[]> current = new HashMap<>();
        Map<String, LabelledAlert> next = new HashMap<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> {
                current.put(entry.key, entry.value);
                LabelledAlert known = decoded.get(entry.key);
                // the store's updater keeps only values that decode
                next.put(entry.key, known != null && Arrays.equals(entry.value, seen.get(entry.key))
                        ? known : AlertJson.decode(entry.value));
            });
        }
        seen = current;
        decoded = next;
        return new ArrayList<>(next.values());
    }
}
