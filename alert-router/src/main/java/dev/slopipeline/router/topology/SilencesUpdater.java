package dev.slopipeline.router.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global silences store equal to the compacted {@code router.silences} topic on every instance. A record
 * that is not one silence is skipped with a warning rather than stored, so a stray producer cannot break the
 * notification pipeline of every task.
 */
final class SilencesUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(SilencesUpdater.class);

    private final SilenceRecords records = new SilenceRecords();
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(RouterTopology.SILENCES_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            LOG.warn("skipping a silences record without a key; the key is the silence id");
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        try {
            records.decode(record.value());
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping silences record {}: {}", record.key(), e.getMessage());
            return;
        }
        store.put(record.key(), record.value());
    }
}
