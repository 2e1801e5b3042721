package dev.slopipeline.router.topology;

import java.util.function.Predicate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store equal to a compacted topic, latest record per key, holding only values that pass a check: a
 * value that fails it (unreadable, or a heartbeat that says its sender is not running) removes the key, so readers
 * never see a stale value for it and a stray producer cannot break them.
 */
final class CheckedStoreUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(CheckedStoreUpdater.class);

    private final String storeName;
    private final Predicate<byte[]> usable;
    private KeyValueStore<String, byte[]> store;

    /** @param usable whether a value is one the store's readers can use */
    CheckedStoreUpdater(String storeName, Predicate<byte[]> usable) {
        this.storeName = storeName;
        this.usable = usable;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            LOG.warn("skipping a record without a key for store {}", storeName);
            return;
        }
        if (record.value() == null || !usable.test(record.value())) {
            store.delete(record.key());
            return;
        }
        store.put(record.key(), record.value());
    }
}
