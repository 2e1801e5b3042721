package dev.slopipeline.streams.topology;

import dev.slopipeline.streams.aggregate.Published;
import dev.slopipeline.streams.aggregate.SloStores;
import dev.slopipeline.streams.ingest.DeadLetter;
import dev.slopipeline.streams.ingest.DecodeAndClassify;
import dev.slopipeline.streams.ingest.Routed;
import dev.slopipeline.streams.ingest.SloInput;
import dev.slopipeline.streams.ingest.SloInputSerde;
import dev.slopipeline.streams.ingest.WriteAtCommitStore;
import dev.slopipeline.streams.reload.DefinitionsUpdater;
import dev.slopipeline.streams.reload.LiveDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The streams topology, built by a pure function that the application, replay and tests share:
 *
 * <pre>
 *  slo.events.requests ─┐
 *  slo.events.health ───┤
 *  otlp_spans ──────────┴─► events-source ─► decode-and-classify ─► route-inputs-
 *                          (global store slo-definitions; store slo-pre-sums)     │
 *         ┌─────────────────────────────────────────────────────────────────────┘
 *         ├─ dead-letters ─► dead-letter-original ─► dlq-sink ─► slo.events.dlq
 *         └─ slo-inputs ─► as-slo-input ─► slo-counts (keyed by series, repartitioned by SLO name)
 *                 ─► aggregate-and-evaluate (stores slo-windows, slo-alert-states,
 *                        │                    slo-contributors, slo-health-context, slo-status)
 *                        └► route-outputs- ─┬─ alerts ─► alert-bytes ─► alerts-sink ─► slo.alerts
 *                                           └─ statuses ─► status-bytes ─► status-sink ─► slo.status
 *
 *  slo.definitions ─► definitions-source ─► definitions-update ─► slo-definitions (global store)
 * </pre>
 *
 * Every processor, store and internal topic is named here; the builder refuses generated names for
 * internal topics and stores ({@code ensure.explicit.internal.resource.naming}). Internal topics are
 * {@code <application.id>-slo-counts-repartition} and {@code <application.id>-<store>-changelog}.
 *
 * <p>Build one topology for each {@code KafkaStreams} instance: it holds the definitions in force
 * for that instance's global store.
 */
public final class SloTopology {

    public static final String EVENTS_SOURCE = "events-source";
    public static final String DECODE_AND_CLASSIFY = "decode-and-classify";
    public static final String ROUTE_INPUTS = "route-inputs-";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String SLO_INPUTS = "slo-inputs";
    public static final String DEAD_LETTER_ORIGINAL = "dead-letter-original";
    public static final String DLQ_SINK = "dlq-sink";
    public static final String AS_SLO_INPUT = "as-slo-input";
    public static final String COUNTS_REPARTITION = "slo-counts";
    public static final String AGGREGATE_AND_EVALUATE = "aggregate-and-evaluate";
    public static final String ROUTE_OUTPUTS = "route-outputs-";
    public static final String ALERTS = "alerts";
    public static final String STATUSES = "statuses";
    public static final String ALERT_BYTES = "alert-bytes";
    public static final String STATUS_BYTES = "status-bytes";
    public static final String ALERTS_SINK = "alerts-sink";
    public static final String STATUS_SINK = "status-sink";
    public static final String DEFINITIONS_SOURCE = "definitions-source";
    public static final String DEFINITIONS_UPDATE = "definitions-update";
    public static final String DEFINITIONS_STORE = "slo-definitions";
    public static final String PRE_SUMS_STORE = "slo-pre-sums";

    private SloTopology() {
    }

    public static Topology build(TopologyConfig config) {
        TopologyConfig.Topics topics = config.topics();
        SloProcessors processors = new SloProcessors(config);
        LiveDefinitions live = processors.live();
        StreamsBuilder builder = new StreamsBuilder(new org.apache.kafka.streams.TopologyConfig(new NamingRules()));

        for (String store : SloStores.NAMES) {
            builder.addStateStore(sloStore(store, config.stores()));
        }
        builder.addStateStore(statusStore(config.stores()));
        Optional<DecodeAndClassify.PreSumming> preSumming = processors.preSumming();
        preSumming.ifPresent(summing -> builder.addStateStore(preSumsStore(config.stores())));

        List<String> eventTopics = new ArrayList<>(List.of(topics.requests(), topics.health()));
        config.spans().topic().ifPresent(eventTopics::add);
        KStream<byte[], byte[]> events = builder.stream(eventTopics,
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(EVENTS_SOURCE));
        Map<String, KStream<String, Routed>> inputs = events
                .process(processors::decodeAndClassify, Named.as(DECODE_AND_CLASSIFY),
                        preSumming.map(summing -> new String[] {summing.store()}).orElse(new String[0]))
                .split(Named.as(ROUTE_INPUTS))
                .branch((slo, routed) -> routed instanceof DeadLetter, Branched.as(DEAD_LETTERS))
                .defaultBranch(Branched.as(SLO_INPUTS));
        inputs.get(ROUTE_INPUTS + DEAD_LETTERS)
                .map(DeadLetter::original, Named.as(DEAD_LETTER_ORIGINAL))
                .to(topics.deadLetters(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(DLQ_SINK));

        Map<String, KStream<String, Published>> outputs = inputs.get(ROUTE_INPUTS + SLO_INPUTS)
                .mapValues(SloInput.class::cast, Named.as(AS_SLO_INPUT))
                .repartition(Repartitioned.<String, SloInput>as(COUNTS_REPARTITION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(new SloInputSerde())
                        .withStreamPartitioner(new BySloName<>()))
                .process(processors::aggregateAndEvaluate, Named.as(AGGREGATE_AND_EVALUATE),
                        aggregateStores())
                .split(Named.as(ROUTE_OUTPUTS))
                .branch((slo, published) -> published.isAlert(), Branched.as(ALERTS))
                .defaultBranch(Branched.as(STATUSES));
        outputs.get(ROUTE_OUTPUTS + ALERTS)
                .mapValues(Published::value, Named.as(ALERT_BYTES))
                .to(topics.alerts(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName(ALERTS_SINK));
        outputs.get(ROUTE_OUTPUTS + STATUSES)
                .mapValues(Published::value, Named.as(STATUS_BYTES))
                .to(topics.status(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName(STATUS_SINK));

        // added to the built topology, where the source and its processor can both be named
        Topology topology = builder.build();
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DEFINITIONS_STORE), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(),
                DEFINITIONS_SOURCE,
                new StringDeserializer(),
                new StringDeserializer(),
                topics.definitions(),
                DEFINITIONS_UPDATE,
                () -> new DefinitionsUpdater(DEFINITIONS_STORE, live));
        return topology;
    }

    /** The internal topic the SLO inputs are repartitioned through, for an application id. */
    public static String countsRepartitionTopic(String applicationId) {
        return applicationId + "-" + COUNTS_REPARTITION + "-repartition";
    }

    private static String[] aggregateStores() {
        List<String> names = new ArrayList<>(SloStores.NAMES);
        names.add(SloStores.STATUS);
        return names.toArray(String[]::new);
    }

    /** Status JSON by SLO name, for interactive queries; kept with a changelog so a new owner answers at once. */
    private static StoreBuilder<KeyValueStore<String, byte[]>> statusStore(TopologyConfig.StoreKind kind) {
        if (kind == TopologyConfig.StoreKind.IN_MEMORY) {
            return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SloStores.STATUS), Serdes.String(), Serdes.ByteArray())
                    .withLoggingDisabled();
        }
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SloStores.STATUS), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    /**
     * In memory, as it holds at most an interval's sums; with a changelog in the application, so that sums of
     * committed events survive a crash (see {@code ingest.PreSums}); a commit writes each changed sum once.
     */
    private static StoreBuilder<KeyValueStore<Bytes, byte[]>> preSumsStore(TopologyConfig.StoreKind kind) {
        StoreBuilder<KeyValueStore<Bytes, byte[]>> builder = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(PRE_SUMS_STORE), Serdes.Bytes(), Serdes.ByteArray());
        return WriteAtCommitStore.around(kind == TopologyConfig.StoreKind.IN_MEMORY ? builder.withLoggingDisabled() : builder);
    }

    private static StoreBuilder<KeyValueStore<Bytes, byte[]>> sloStore(String name, TopologyConfig.StoreKind kind) {
        if (kind == TopologyConfig.StoreKind.IN_MEMORY) {
            return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                    .withLoggingDisabled();
        }
        KeyValueBytesStoreSupplier rocks = Stores.persistentKeyValueStore(name);
        return Stores.keyValueStoreBuilder(rocks, Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled();
    }

    /**
     * The one setting that shapes building: refuse generated names for internal topics and stores.
     * Kafka's config insists on an application id and servers that building never reads, and would log
     * itself whole at every build; the application's own config decides both when it runs.
     */
    private static final class NamingRules extends StreamsConfig {
        NamingRules() {
            super(rules(), false);
        }

        private static Properties rules() {
            Properties properties = new Properties();
            properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "slo-pipeline-topology");
            properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
            return properties;
        }
    }
}
