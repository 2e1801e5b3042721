package dev.slopipeline.streams.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the streams app runs. Built from layers, later ones winning: defaults, a config file, the
 * environment ({@code SLO_PIPELINE_*}, see {@link ConfigKey}), then explicit settings, in the order the
 * builder's methods are called.
 *
 * @param bootstrapServers empty: the caller starts an embedded broker and sets it with {@link #withBootstrapServers}
 * @param replication of created and internal topics; empty for the broker's default
 * @param kafka client settings from {@code kafka.*} keys, without the prefix, for every Kafka client
 */
public record StreamsAppConfig(
        Optional<String> bootstrapServers,
        String applicationId,
        Path stateDir,
        Topics topics,
        int partitions,
        Optional<Short> replication,
        int standbyReplicas,
        String processingGuarantee,
        Duration commitInterval,
        int httpPort,
        String advertisedHost,
        String statusStore,
        Duration heartbeatInterval,
        Duration shutdownTimeout,
        Optional<Path> definitionsDir,
        Map<String, String> kafka) {

    public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
    public static final String AT_LEAST_ONCE = "at_least_once";

    public StreamsAppConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(definitionsDir, "definitionsDir");
        kafka = Collections.unmodifiableMap(new TreeMap<>(kafka));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults, a config file if given, then the process environment. */
    public static StreamsAppConfig load(Optional<Path> file, Map<String, String> env) {
        Builder builder = builder();
        file.ifPresent(builder::file);
        return builder.env(env).build();
    }

    /** The same settings against these brokers, e.g. an embedded broker started because none was configured. */
    public StreamsAppConfig withBootstrapServers(String servers) {
        return new StreamsAppConfig(Optional.of(servers), applicationId, stateDir, topics, partitions, replication,
                standbyReplicas, processingGuarantee, commitInterval, httpPort, advertisedHost, statusStore,
                heartbeatInterval, shutdownTimeout, definitionsDir, kafka);
    }

    /** {@code bootstrap.servers} and the {@code kafka.*} settings: what an Admin, producer or consumer needs. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.orElseThrow(() ->
                new IllegalStateException("No bootstrap.servers: start an embedded broker and use withBootstrapServers")));
        return properties;
    }

    /** {@code key = value} per setting, secrets masked: for the log at start-up and for {@code --print-config}. */
    public List<String> describe() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ConfigKey.BOOTSTRAP_SERVERS.key(), bootstrapServers.orElse("(embedded broker)"));
        values.put(ConfigKey.APPLICATION_ID.key(), applicationId);
        values.put(ConfigKey.STATE_DIR.key(), stateDir.toString());
        values.put(ConfigKey.TOPIC_REQUESTS.key(), topics.requests());
        values.put(ConfigKey.TOPIC_HEALTH.key(), topics.health());
        values.put(ConfigKey.TOPIC_DLQ.key(), topics.dlq());
        values.put(ConfigKey.TOPIC_DEFINITIONS.key(), topics.definitions());
        values.put(ConfigKey.TOPIC_ALERTS.key(), topics.alerts());
        values.put(ConfigKey.TOPIC_STATUS.key(), topics.status());
        values.put(ConfigKey.TOPIC_HEARTBEAT.key(), topics.heartbeat());
        values.put(ConfigKey.TOPIC_PARTITIONS.key(), String.valueOf(partitions));
        values.put(ConfigKey.TOPIC_REPLICATION.key(), replication.map(String::valueOf).orElse("(broker default)"));
        values.put(ConfigKey.STANDBY_REPLICAS.key(), String.valueOf(standbyReplicas));
        values.put(ConfigKey.PROCESSING_GUARANTEE.key(), processingGuarantee);
        values.put(ConfigKey.COMMIT_INTERVAL_MS.key(), String.valueOf(commitInterval.toMillis()));
        values.put(ConfigKey.HTTP_PORT.key(), String.valueOf(httpPort));
        values.put(ConfigKey.HTTP_ADVERTISED_HOST.key(), advertisedHost);
        values.put(ConfigKey.STATUS_STORE.key(), statusStore);
        values.put(ConfigKey.HEARTBEAT_INTERVAL_MS.key(), String.valueOf(heartbeatInterval.toMillis()));
        values.put(ConfigKey.SHUTDOWN_TIMEOUT_MS.key(), String.valueOf(shutdownTimeout.toMillis()));
        values.put(ConfigKey.DEFINITIONS_DIR.key(), definitionsDir.map(Path::toString).orElse("(none)"));
        kafka.forEach((key, value) -> values.put(ConfigKey.KAFKA_PREFIX + key, Secrets.printable(key, value)));
        return values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList();
    }

    /** Secrets masked, so that logging a config never leaks a password. */
    @Override
    public String toString() {
        return "StreamsAppConfig{" + String.join(", ", describe()) + "}";
    }

    /**
     * Collects settings layer by layer and checks them all at once in {@link #build()}, reporting every
     * mistake with where it came from.
     */
    public static final class Builder {

        private static final Logger LOG = LoggerFactory.getLogger(StreamsAppConfig.class);

        private final Map<String, ConfigValues.Setting> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /** A {@code .properties} or {@code .yaml} file; an unknown key in it is an error. */
        public Builder file(Path file) {
            ConfigSources.file(file).forEach((key, value) -> put(key, value, "file " + file));
            return this;
        }

        /**
         * The {@code SLO_PIPELINE_*} variables of an environment (pass {@code System.getenv()}). Variables that
         * name no setting are ignored with a warning: other parts of slo-pipeline may share the prefix.
         */
        public Builder env(Map<String, String> env) {
            List<String> ignored = new ArrayList<>();
            ConfigSources.environment(env).forEach((key, value) -> {
                if (ConfigValues.isKnown(key)) {
                    put(key, value, "environment " + ConfigKey.envName(key));
                } else if (!ConfigKey.READ_BY_LOGGING.contains(key)) {
                    ignored.add(ConfigKey.envName(key));
                }
            });
            if (!ignored.isEmpty()) {
                LOG.warn("Ignoring environment variables that set nothing in the streams app: {}", ignored);
            }
            return this;
        }

        /** Any setting by its file key, {@code kafka.*} included. */
        public Builder set(String key, String value) {
            return put(key, value, "set(\"" + key + "\")");
        }

        public Builder set(ConfigKey key, String value) {
            return set(key.key(), value);
        }

        public Builder bootstrapServers(String servers) {
            return set(ConfigKey.BOOTSTRAP_SERVERS, servers);
        }

        public Builder applicationId(String applicationId) {
            return set(ConfigKey.APPLICATION_ID, applicationId);
        }

        public Builder stateDir(Path stateDir) {
            return set(ConfigKey.STATE_DIR, stateDir.toString());
        }

        public Builder httpPort(int port) {
            return set(ConfigKey.HTTP_PORT, String.valueOf(port));
        }

        public Builder processingGuarantee(String guarantee) {
            return set(ConfigKey.PROCESSING_GUARANTEE, guarantee);
        }

        public Builder commitInterval(Duration interval) {
            return set(ConfigKey.COMMIT_INTERVAL_MS, String.valueOf(interval.toMillis()));
        }

        public Builder definitionsDir(Path folder) {
            return set(ConfigKey.DEFINITIONS_DIR, folder.toString());
        }

        /** A Kafka client setting, e.g. {@code kafka("security.protocol", "SASL_SSL")}. */
        public Builder kafka(String clientKey, String value) {
            return set(ConfigKey.KAFKA_PREFIX + clientKey, value);
        }

        /** @throws IllegalArgumentException listing every invalid or unknown setting, with where it was set */
        public StreamsAppConfig build() {
            return new ConfigValues(settings).toConfig();
        }

        private Builder put(String key, String value, String origin) {
            settings.put(Objects.requireNonNull(key, "key"), new ConfigValues.Setting(Objects.requireNonNull(value, "value"), origin));
            return this;
        }
    }
}
