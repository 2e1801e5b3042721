package dev.slopipeline.kit.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every Kafka Streams state-store meter the same tag keys. Kafka names the store's tag after its
 * kind ({@code rocksdb-state-id}, {@code in-memory-state-id}, {@code rocksdb-window-state-id}, ...), so
 * one metric such as {@code kafka_stream_state_record_e2e_latency_max} comes once per kind of store with
 * different label names, and Prometheus takes only the first set: the registry would drop the others.
 * Here each such tag becomes {@code state.id} with the kind in {@code store.type} ({@code rocksdb},
 * {@code in-memory}, ...), so every store's meters are kept and none loses a value.
 */
public final class StateStoreTags implements MeterFilter {

    static final String STATE_ID = "state.id";
    static final String STORE_TYPE = "store.type";
    /** Micrometer's Kafka binder writes Kafka's dashes in tag keys as dots. */
    private static final String KIND_SUFFIX = ".state.id";

    @Override
    public Meter.Id map(Meter.Id id) {
        List<Tag> tags = new ArrayList<>();
        boolean renamed = false;
        for (Tag tag : id.getTagsAsIterable()) {
            String key = tag.getKey();
            if (!renamed && key.endsWith(KIND_SUFFIX) && key.length() > KIND_SUFFIX.length()) {
                String kind = key.substring(0, key.length() - KIND_SUFFIX.length()).replace('.', '-');
                tags.add(Tag.of(STATE_ID, tag.getValue()));
                tags.add(Tag.of(STORE_TYPE, kind));
                renamed = true;
            } else {
                tags.add(tag);
            }
        }
        return renamed ? id.replaceTags(tags) : id;
    }
}
