package dev.slopipeline.streams.reload;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global store of definition texts equal to the compacted definitions topic: a value
 * replaces the text under its key, a tombstone removes it. Parsing waits until a stream processor
 * needs the definitions (see {@link LiveDefinitions}).
 */
public final class DefinitionsUpdater implements Processor<String, String, Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(DefinitionsUpdater.class);

    private final String storeName;
    private final LiveDefinitions live;
    private KeyValueStore<String, String> texts;

    public DefinitionsUpdater(String storeName, LiveDefinitions live) {
        this.storeName = storeName;
        this.live = live;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        texts = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            LOG.warn("a definitions record without a key was ignored: keys name the document, e.g. SLO/checkout-availability");
            return;
        }
        if (record.value() == null) {
            texts.delete(record.key());
        } else {
            texts.put(record.key(), record.value());
        }
        live.updated();
    }
}
