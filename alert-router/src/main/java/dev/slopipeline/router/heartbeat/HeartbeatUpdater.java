package dev.slopipeline.router.heartbeat;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the latest heartbeat of every pipeline instance in a global store; unreadable records are skipped. */
public final class HeartbeatUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatUpdater.class);

    private final String storeName;
    private KeyValueStore<String, byte[]> store;

    public HeartbeatUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        if (HeartbeatWatch.aliveAt(record.value()).isEmpty()) {
            // a heartbeat saying the instance is not running counts as none
            LOG.debug("heartbeat {} does not say its sender runs", record.key());
            store.delete(record.key());
            return;
        }
        store.put(record.key(), record.value());
    }
}
