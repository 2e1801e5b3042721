package dev.slopipeline.streams.app;

import dev.slopipeline.definitions.alert.Alert;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of the streams app, by its key in a config file. In the environment the key is upper-cased
 * with {@code .} turned into {@code _} behind {@code SLO_PIPELINE_}: {@code http.port} is
 * {@code SLO_PIPELINE_HTTP_PORT}. Kafka client settings pass through with the {@code kafka.} prefix
 * ({@code kafka.security.protocol}, {@code SLO_PIPELINE_KAFKA_SECURITY_PROTOCOL}).
 */
public enum ConfigKey {
    BOOTSTRAP_SERVERS("bootstrap.servers", null, "Kafka brokers; absent: the caller starts an embedded broker"),
    APPLICATION_ID("application.id", "slo-pipeline-streams", "Kafka Streams application id: consumer group and internal topic prefix"),
    STATE_DIR("state.dir", "data/streams", "where the state stores live"),
    TOPIC_REQUESTS("topics.requests", "slo.events.requests", "request events in"),
    TOPIC_HEALTH("topics.health", "slo.events.health", "health events in"),
    TOPIC_DLQ("topics.dlq", "slo.events.dlq", "events that could not be read, with the reason in a header"),
    TOPIC_DEFINITIONS("topics.definitions", "slo.definitions", "services and SLOs (compacted), written by slo apply"),
    TOPIC_ALERTS("topics.alerts", Alert.DEFAULT_TOPIC, "alert transitions out"),
    TOPIC_STATUS("topics.status", "slo.status", "latest status per SLO (compacted)"),
    TOPIC_HEARTBEAT("topics.heartbeat", "slo.heartbeat", "a record per instance every heartbeat interval while it runs (compacted, short retention)"),
    TOPIC_PARTITIONS("topics.partitions", "3", "partitions of the topics the app creates (slo.definitions always has 1)"),
    TOPIC_REPLICATION("topics.replication", null, "replication of created and internal topics; absent: the broker's default"),
    STANDBY_REPLICAS("num.standby.replicas", "0", "warm copies of each state store on other instances"),
    PROCESSING_GUARANTEE("processing.guarantee", "exactly_once_v2", "exactly_once_v2 or at_least_once"),
    COMMIT_INTERVAL_MS("commit.interval.ms", null, "absent: 100 under exactly_once_v2, 1000 under at_least_once"),
    HTTP_PORT("http.port", "8080", "status, health and metrics endpoints; 0 picks a free port"),
    HTTP_ADVERTISED_HOST("http.advertised.host", "localhost", "how other instances reach this one (application.server)"),
    STATUS_STORE("status.store", "slo-status", "the topology's key-value store of status JSON by SLO name"),
    HEARTBEAT_INTERVAL_MS("heartbeat.interval.ms", "10000", "how often a running instance writes its heartbeat"),
    SHUTDOWN_TIMEOUT_MS("shutdown.timeout.ms", "30000", "how long a close (or SIGTERM) waits for the streams client"),
    DEFINITIONS_DIR("definitions.dir", null, "definitions to apply at start; absent: the topic as it is");

    /** Environment variables that configure the app start with this. */
    public static final String ENV_PREFIX = "SLO_PIPELINE_";
    /**
     * Keys of {@code SLO_PIPELINE_*} variables that the logging configuration reads ({@code SLO_PIPELINE_LOG_FORMAT},
     * {@code SLO_PIPELINE_LOG_LEVEL}): not settings of the app, but no mistake either.
     */
    static final Set<String> READ_BY_LOGGING = Set.of("log.format", "log.level");

    /** Keys under this prefix are handed to every Kafka client with the prefix removed. */
    public static final String KAFKA_PREFIX = "kafka.";

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** Empty when there is no default, or the default depends on another setting. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String description() {
        return description;
    }

    /** {@code SLO_PIPELINE_HTTP_PORT} */
    public String envName() {
        return envName(key);
    }

    static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The inverse of {@link #envName()}: no key has an underscore, so the mapping is exact. */
    static String keyOfEnvName(String envName) {
        return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    static Optional<ConfigKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
