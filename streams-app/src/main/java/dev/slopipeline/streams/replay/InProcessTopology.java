package dev.slopipeline.streams.replay;

import dev.slopipeline.definitions.event.RequestEvent;

import dev.slopipeline.streams.aggregate.AggregateAndEvaluate;
import dev.slopipeline.streams.aggregate.Published;
import dev.slopipeline.streams.aggregate.SloStores;
import dev.slopipeline.streams.ingest.DecodeAndClassify;
import dev.slopipeline.streams.ingest.Routed;
import dev.slopipeline.streams.ingest.SloInput;
import dev.slopipeline.streams.store.NeverRestored;
import dev.slopipeline.streams.topology.SloProcessors;
import dev.slopipeline.streams.topology.SloTopology;
import dev.slopipeline.streams.topology.TopologyConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The topology's own processors ({@link SloProcessors}, as {@link SloTopology#build} makes them) wired as
 * {@link SloTopology} wires them, on one thread without a Kafka Streams task: an event goes through
 * decode-and-classify; dead letters stop there (counted by the processor's metric); SLO inputs cross to
 * aggregate-and-evaluate after the event is classified, in the order forwarded, as they cross the repartition
 * topic of a single task; alerts come out, statuses are dropped. Stores are in memory, the wall clock is the
 * replay's. A request line comes with the event its reader decoded, so decode-and-classify does not decode it again.
 * The SLO inputs cross as objects, without the repartition's serde: its bytes are proven by the topology's tests
 * ({@code SloInputSerde}'s round trip and the test driver), and replay proves the transitions.
 */
final class InProcessTopology implements ReplayedTopology {

    private final ReplayClock clock;
    private final Consumer<byte[]> alerts;
    private final DecodeAndClassify decodeAndClassify;
    private final AggregateAndEvaluate aggregateAndEvaluate;
    private final ReplayContext<String, Routed> decodeContext;
    private final ReplayContext<String, Published> aggregateContext;
    private final String requestsTopic;
    private final String healthTopic;
    private final String repartition;
    /** SLO inputs on their way across the repartition. */
    private final List<Record<String, SloInput>> crossing = new ArrayList<>();
    private long requestOffset;
    private long healthOffset;
    private long repartitionOffset;

    InProcessTopology(TopologyConfig config, long start, Consumer<byte[]> alerts) {
        this.alerts = alerts;
        this.clock = new ReplayClock(start);
        this.requestsTopic = config.topics().requests();
        this.healthTopic = config.topics().health();
        this.repartition = SloTopology.countsRepartitionTopic(Replay.APPLICATION_ID);
        SloProcessors processors = new SloProcessors(config);
        Map<String, StateStore> stores = stores(processors);
        decodeContext = new ReplayContext<>(stores, clock, this::route);
        aggregateContext = new ReplayContext<>(stores, clock, this::publish);
        decodeAndClassify = processors.decodeAndClassify();
        aggregateAndEvaluate = processors.aggregateAndEvaluate();
        // in the order of the topology's sub-topologies, as a task initialises them
        decodeAndClassify.init(decodeContext);
        aggregateAndEvaluate.init(aggregateContext);
    }

    @Override
    public void request(byte[] value, RequestEvent decoded, long timestamp) {
        decodeContext.setOrigin(new ReplayContext.Origin(requestsTopic, 0, requestOffset++));
        Record<byte[], byte[]> record = new Record<>(null, value, timestamp);
        if (decoded == null) {
            // refused: decoding it again gives the processor the codec's reason for the dead letter
            decodeAndClassify.process(record);
        } else {
            decodeAndClassify.processDecodedRequest(record, decoded);
        }
        crossRepartition();
    }

    @Override
    public void health(byte[] value, long timestamp) {
        decodeContext.setOrigin(new ReplayContext.Origin(healthTopic, 0, healthOffset++));
        decodeAndClassify.process(new Record<>(null, value, timestamp));
        crossRepartition();
    }

    @Override
    public void advanceWallClock(long millis) {
        clock.advanceTo(clock.now() + millis);
        crossRepartition();
    }

    @Override
    public void close() {
        decodeAndClassify.close();
        aggregateAndEvaluate.close();
    }

    private void route(Record<String, Routed> record) {
        if (record.value() instanceof SloInput input) {
            crossing.add(record.withValue(input));
        }
    }

    private void crossRepartition() {
        // by index: aggregate-and-evaluate forwards only to the outputs, so nothing joins the list meanwhile
        for (int i = 0; i < crossing.size(); i++) {
            aggregateContext.setOrigin(new ReplayContext.Origin(repartition, 0, repartitionOffset++));
            aggregateAndEvaluate.process(crossing.get(i));
        }
        crossing.clear();
    }

    private void publish(Record<String, Published> record) {
        if (record.value().isAlert()) {
            alerts.accept(record.value().value());
        }
    }

    private static Map<String, StateStore> stores(SloProcessors processors) {
        Map<String, StateStore> stores = new HashMap<>();
        for (String name : SloStores.NAMES) {
            stores.put(name, name.equals(SloStores.WINDOWS) ? new WindowStore() : new MemoryStore<Bytes, byte[]>(name));
        }
        stores.put(SloStores.STATUS, new MemoryStore<String, byte[]>(SloStores.STATUS));
        // the definitions topic has no records in a replay: the definitions loaded from files are in force
        stores.put(SloTopology.DEFINITIONS_STORE, new MemoryStore<String, String>(SloTopology.DEFINITIONS_STORE));
        processors.preSumming().ifPresent(summing -> stores.put(summing.store(), new MemoryStore<Bytes, byte[]>(summing.store())));
        return stores;
    }

    /**
     * The window store of a replay, from which nothing is ever rebuilt (see {@link NeverRestored}), so the aggregates
     * keep their windows in memory only. What replay proves is the transitions of the processors' window math; the
     * window parts' bytes are proven by the topology's own tests, where tasks restore them.
     */
    private static final class WindowStore extends MemoryStore<Bytes, byte[]> implements NeverRestored {
        WindowStore() {
            super(SloStores.WINDOWS);
        }
    }
}
