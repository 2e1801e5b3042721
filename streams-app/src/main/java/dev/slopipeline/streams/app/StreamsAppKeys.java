package dev.slopipeline.streams.app;

import static dev.slopipeline.kit.config.ValueTypes.integer;
import static dev.slopipeline.kit.config.ValueTypes.millis;
import static dev.slopipeline.kit.config.ValueTypes.path;
import static dev.slopipeline.kit.config.ValueTypes.text;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.kit.config.Choice;
import dev.slopipeline.kit.config.KafkaSettings;
import dev.slopipeline.kit.config.Key;
import dev.slopipeline.kit.config.KeySet;
import dev.slopipeline.kit.config.LoggingKeys;
import dev.slopipeline.kit.config.ValueType;
import dev.slopipeline.streams.otlp.SpanEncoding;
import dev.slopipeline.streams.otlp.SpanInput;
import dev.slopipeline.streams.otlp.SpanKinds;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of the streams app, by its key in a config file. In the environment the key is upper-cased
 * with {@code .} turned into {@code _} behind {@code SLO_PIPELINE_}: {@code http.port} is
 * {@code SLO_PIPELINE_HTTP_PORT}. Kafka client settings pass through with the {@code kafka.} prefix
 * ({@code kafka.security.protocol}, {@code SLO_PIPELINE_KAFKA_SECURITY_PROTOCOL}).
 */
public final class StreamsAppKeys {

    /** The value of {@link #TOPIC_SPANS} that reads no spans. */
    public static final String OFF = "off";

    public static final Key<String> BOOTSTRAP_SERVERS = KafkaSettings.BOOTSTRAP_SERVERS;
    public static final Key<String> APPLICATION_ID = Key.of("application.id", KafkaSettings.NAME, "slo-pipeline-streams",
            "Kafka Streams application id: consumer group and internal topic prefix");
    public static final Key<Path> STATE_DIR = Key.of("state.dir", path(), "data/streams", "where the state stores live");
    public static final Key<String> INSTANCE_ID = Key.of("instance.id", KafkaSettings.NAME, null,
            "this instance's static member id in the group (group.instance.id, each stream thread adds -N);"
                    + " absent: the host name and a hash of state.dir, the same across restarts");
    public static final Key<String> TOPIC_REQUESTS = topic("requests", "slo.events.requests", "request events in");
    public static final Key<String> TOPIC_HEALTH = topic("health", "slo.events.health", "health events in");
    public static final Key<String> TOPIC_DLQ = topic("dlq", "slo.events.dlq",
            "events that could not be read, with the reason in a header");
    public static final Key<String> TOPIC_DEFINITIONS = topic("definitions", "slo.definitions",
            "services and SLOs (compacted), written by slo apply");
    public static final Key<String> TOPIC_ALERTS = topic("alerts", Alert.DEFAULT_TOPIC, "alert transitions out");
    public static final Key<String> TOPIC_STATUS = topic("status", "slo.status", "latest status per SLO (compacted)");
    public static final Key<String> TOPIC_HEARTBEAT = topic("heartbeat", "slo.heartbeat",
            "a record per instance every heartbeat interval while it runs (compacted, short retention)");
    public static final Key<Optional<String>> TOPIC_SPANS = Key.of("topics.spans", topicOrOff(), SpanInput.DEFAULT_TOPIC,
            "OpenTelemetry spans in, as the Collector's Kafka exporter writes them; " + OFF + ": none are read");
    public static final Key<String> SPANS_ENCODING = Key.of("spans.encoding",
            Choice.of(Arrays.stream(SpanEncoding.values()).map(SpanEncoding::configName).toArray(String[]::new)),
            SpanEncoding.AUTO.configName(), "auto (JSON when a record starts with '{', else protobuf), otlp_proto or otlp_json");
    public static final Key<Set<SpanKind>> SPANS_KINDS = Key.of("spans.kinds", spanKinds(), SpanKinds.format(SpanKinds.DEFAULT),
            "the span kinds that are requests, comma-separated");
    // 12 divides evenly over 1, 2, 3, 4 and 6 stream threads (one per core): with 3 on two cores one thread
    // had twice the other's events and fell behind
    public static final Key<Integer> TOPIC_PARTITIONS = Key.of("topics.partitions", integer(1, 10_000), "12",
            "partitions of the topics the app creates (slo.definitions always has 1)");
    public static final Key<Integer> TOPIC_REPLICATION = Key.of("topics.replication", integer(1, Short.MAX_VALUE), null,
            "replication of created and internal topics; absent: the broker's default");
    public static final Key<Integer> STANDBY_REPLICAS = Key.of("num.standby.replicas", integer(0, 10), "0",
            "warm copies of each state store on other instances");
    public static final Key<String> PROCESSING_GUARANTEE = Key.of("processing.guarantee",
            Choice.of(StreamsAppConfig.EXACTLY_ONCE_V2, StreamsAppConfig.AT_LEAST_ONCE), StreamsAppConfig.EXACTLY_ONCE_V2,
            StreamsAppConfig.EXACTLY_ONCE_V2 + " or " + StreamsAppConfig.AT_LEAST_ONCE);
    public static final Key<Duration> COMMIT_INTERVAL_MS = Key.of("commit.interval.ms", millis(1, 3_600_000), null,
            "absent: 100 under exactly_once_v2, 1000 under at_least_once");
    public static final Key<Integer> HTTP_PORT = Key.of("http.port", integer(0, 65_535), "8080",
            "status, health and metrics endpoints; 0 picks a free port");
    public static final Key<String> HTTP_ADVERTISED_HOST = Key.of("http.advertised.host", text(), "localhost",
            "how other instances reach this one (application.server)");
    public static final Key<String> STATUS_STORE = Key.of("status.store", KafkaSettings.NAME, "slo-status",
            "the topology's key-value store of status JSON by SLO name");
    public static final Key<Duration> HEARTBEAT_INTERVAL_MS = Key.of("heartbeat.interval.ms", millis(100, 3_600_000),
            "10000", "how often a running instance writes its heartbeat");
    public static final Key<Duration> SHUTDOWN_TIMEOUT_MS = Key.of("shutdown.timeout.ms", millis(0, 3_600_000), "30000",
            "how long a close (or SIGTERM) waits for the streams client");
    public static final Key<Integer> ROCKSDB_MEMORY_MB = Key.of("rocksdb.memory.mb", integer(0, 1_048_576), "256",
            "off-heap memory for all state stores together: one RocksDB block cache with the memtables counted in it;"
                    + " 0: Kafka Streams' defaults, a cache and memtables per store and task");
    public static final Key<Path> DEFINITIONS_DIR = Key.of("definitions.dir", path(), null,
            "definitions to apply at start; absent: the topic as it is");

    /** Every key above, in this order, and {@code kafka.*}. */
    public static final KeySet ALL = KeySet.of(List.of(BOOTSTRAP_SERVERS, APPLICATION_ID, STATE_DIR, INSTANCE_ID, TOPIC_REQUESTS,
                    TOPIC_HEALTH, TOPIC_DLQ, TOPIC_DEFINITIONS, TOPIC_ALERTS, TOPIC_STATUS, TOPIC_HEARTBEAT, TOPIC_SPANS,
                    SPANS_ENCODING, SPANS_KINDS, TOPIC_PARTITIONS,
                    TOPIC_REPLICATION, STANDBY_REPLICAS, PROCESSING_GUARANTEE, COMMIT_INTERVAL_MS, HTTP_PORT,
                    HTTP_ADVERTISED_HOST, STATUS_STORE, HEARTBEAT_INTERVAL_MS, SHUTDOWN_TIMEOUT_MS, ROCKSDB_MEMORY_MB, DEFINITIONS_DIR))
            .passingThrough(KafkaSettings.PASS_THROUGH)
            .readElsewhere(LoggingKeys.ALL);

    /** The topic keys, in the order of {@link Topics}. */
    public static final List<Key<String>> TOPICS = List.of(TOPIC_REQUESTS, TOPIC_HEALTH, TOPIC_DLQ, TOPIC_DEFINITIONS,
            TOPIC_ALERTS, TOPIC_STATUS, TOPIC_HEARTBEAT);

    private StreamsAppKeys() {
    }

    private static Key<String> topic(String name, String defaultTopic, String description) {
        return Key.of("topics." + name, KafkaSettings.NAME, defaultTopic, description);
    }

    /**
     * A topic, or {@value #OFF} for none. Not an empty value: that counts as not set, so it would read the default
     * topic, as an empty value does for every other key.
     */
    private static ValueType<Optional<String>> topicOrOff() {
        return new ValueType<>() {
            @Override
            public Optional<String> parse(String text) {
                if (text.equals(OFF)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(KafkaSettings.NAME.parse(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + ", or " + OFF, e);
                }
            }

            @Override
            public String format(Optional<String> topic) {
                return topic.orElse(OFF);
            }
        };
    }

    private static ValueType<Set<SpanKind>> spanKinds() {
        return new ValueType<>() {
            @Override
            public Set<SpanKind> parse(String text) {
                return SpanKinds.parse(text);
            }

            @Override
            public String format(Set<SpanKind> kinds) {
                return SpanKinds.format(kinds);
            }
        };
    }
}
