package dev.slopipeline.streams.replay;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * What one of the topology's processors sees of its task in a replay: the stores, the replay's wall clock and its
 * punctuators, the origin of the record in hand, and where its records go, handed on at once to the next step.
 * Only what the processors use is offered; anything else is refused, so that a processor starting to use it is
 * noticed by replay's tests rather than quietly given a made-up answer.
 */
final class ReplayContext<K, V> implements ProcessorContext<K, V> {

    /** The origin of the record a processor has in hand. */
    record Origin(String topic, int partition, long offset) implements RecordMetadata {
    }

    private final Map<String, StateStore> stores;
    private final ReplayClock clock;
    private final Consumer<Record<K, V>> downstream;
    private Optional<RecordMetadata> origin = Optional.empty();

    ReplayContext(Map<String, StateStore> stores, ReplayClock clock, Consumer<Record<K, V>> downstream) {
        this.stores = stores;
        this.clock = clock;
        this.downstream = downstream;
    }

    void setOrigin(Origin recordOrigin) {
        origin = Optional.of(recordOrigin);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <KF extends K, VF extends V> void forward(Record<KF, VF> record) {
        downstream.accept((Record<K, V>) record);
    }

    @Override
    public <KF extends K, VF extends V> void forward(Record<KF, VF> record, String childName) {
        throw unused("forward to a named child");
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return origin;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends StateStore> S getStateStore(String name) {
        StateStore store = stores.get(name);
        if (store == null) {
            throw new IllegalArgumentException("replay has no store " + name + "; it has " + stores.keySet());
        }
        return (S) store;
    }

    @Override
    public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
        if (type != PunctuationType.WALL_CLOCK_TIME) {
            throw unused("stream-time punctuation");
        }
        return clock.schedule(interval.toMillis(), callback);
    }

    @Override
    public Cancellable schedule(Instant startTime, Duration interval, PunctuationType type, Punctuator callback) {
        throw unused("punctuation from a start time");
    }

    @Override
    public long currentSystemTimeMs() {
        return clock.now();
    }

    @Override
    public long currentStreamTimeMs() {
        throw unused("stream time");
    }

    @Override
    public void commit() {
        // nothing outlives a replay, so there is nothing to commit
    }

    @Override
    public String applicationId() {
        throw unused("the application id");
    }

    @Override
    public TaskId taskId() {
        throw unused("the task id");
    }

    @Override
    public Serde<?> keySerde() {
        throw unused("the default key serde");
    }

    @Override
    public Serde<?> valueSerde() {
        throw unused("the default value serde");
    }

    @Override
    public File stateDir() {
        throw unused("a state folder");
    }

    @Override
    public StreamsMetrics metrics() {
        throw unused("Kafka Streams' metrics");
    }

    @Override
    public Map<String, Object> appConfigs() {
        throw unused("the application's configs");
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
        throw unused("the application's configs");
    }

    private static UnsupportedOperationException unused(String what) {
        return new UnsupportedOperationException("replay runs the topology's processors without a Kafka Streams task, and they"
                + " did not use " + what + " when replay was written: replay needs to offer it now");
    }
}
