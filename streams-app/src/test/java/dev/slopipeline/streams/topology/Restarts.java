package dev.slopipeline.streams.topology;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.streams.aggregate.SloStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A restart as a new task meets it: the driver wipes its state directory when it closes, so a new driver (new
 * processors, empty memory) gets the part stores the first one left, as restored from the changelog.
 */
final class Restarts {

    /** Plays the minutes {@code [from, to)} on a pipeline and returns the alerts it published. */
    @FunctionalInterface
    interface Minutes {
        List<Alert> play(int from, int to, Pipeline pipeline);
    }

    /**
     * @param alerts every alert of both runs, in order
     * @param stored the part stores as the first run left them
     */
    record Run(List<Alert> alerts, Map<String, List<KeyValue<Bytes, byte[]>>> stored) {
    }

    private Restarts() {
    }

    /** Plays minutes 0 to {@code restartMinute} on one pipeline, then up to {@code end} on a restarted one. */
    static Run at(int restartMinute, int end, TopologyConfig config, Instant start, Minutes minutes) {
        List<Alert> alerts = new ArrayList<>();
        Map<String, List<KeyValue<Bytes, byte[]>>> stored;
        try (Pipeline first = new Pipeline(config, start)) {
            alerts.addAll(minutes.play(0, restartMinute, first));
            stored = contents(first);
        }
        try (Pipeline second = new Pipeline(config, start.plus(Duration.ofMinutes(restartMinute)))) {
            stored.forEach((store, entries) -> second.driver().<Bytes, byte[]>getKeyValueStore(store).putAll(entries));
            alerts.addAll(minutes.play(restartMinute, end, second));
        }
        return new Run(alerts, stored);
    }

    /** What each part store holds. */
    static Map<String, List<KeyValue<Bytes, byte[]>>> contents(Pipeline pipeline) {
        Map<String, List<KeyValue<Bytes, byte[]>>> contents = new HashMap<>();
        for (String name : SloStores.NAMES) {
            KeyValueStore<Bytes, byte[]> store = pipeline.driver().getKeyValueStore(name);
            List<KeyValue<Bytes, byte[]>> entries = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
                all.forEachRemaining(entries::add);
            }
            contents.put(name, entries);
        }
        return contents;
    }
}
