package dev.slopipeline.router.incident;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store equal to the compacted {@code router.incidents} topic on every instance, so that any instance
 * answers the incident API. A record that is not an incident is skipped with a warning.
 */
public final class IncidentViewUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentViewUpdater.class);

    private final String storeName;
    private KeyValueStore<String, byte[]> store;

    public IncidentViewUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            LOG.warn("skipping an incidents record without a key; the key is the incident id");
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        try {
            IncidentJson.read(record.value());
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping incidents record {}: {}", record.key(), e.getMessage());
            return;
        }
        store.put(record.key(), record.value());
    }
}
