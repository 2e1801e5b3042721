package dev.slopipeline.streams.app;

import dev.slopipeline.kit.config.ConfigListing;
import dev.slopipeline.kit.config.ConfigReader;
import dev.slopipeline.kit.config.InvalidConfigException;
import dev.slopipeline.kit.config.KafkaSettings;
import dev.slopipeline.kit.config.LayeredBuilder;
import dev.slopipeline.streams.otlp.SpanInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the streams app runs. Built from layers, later ones winning: defaults, a config file, the
 * environment ({@code SLO_PIPELINE_*}, see {@link StreamsAppKeys}), then explicit settings, in the order the
 * builder's methods are called.
 *
 * @param bootstrapServers empty: the caller starts an embedded broker and sets it with {@link #withBootstrapServers}
 * @param instanceId       this instance's {@code group.instance.id}: {@code instance.id}, or derived from the host and
 *                         {@code state.dir}
 * @param replication of created and internal topics; empty for the broker's default
 * @param kafka client settings from {@code kafka.*} keys, without the prefix, for every Kafka client
 * @param spans the topic of OpenTelemetry spans, if read, and which spans are requests
 * @param rocksDbMemoryMb  the off-heap budget of all state stores, in MiB; 0 for Kafka Streams' per-store defaults
 */
public record StreamsAppConfig(
        Optional<String> bootstrapServers,
        String applicationId,
        Path stateDir,
        String instanceId,
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
        Map<String, String> kafka,
        SpanInput spans,
        int rocksDbMemoryMb) {

    public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
    public static final String AT_LEAST_ONCE = "at_least_once";

    public StreamsAppConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(definitionsDir, "definitionsDir");
        Objects.requireNonNull(spans, "spans");
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
        return new StreamsAppConfig(Optional.of(servers), applicationId, stateDir, instanceId, topics, partitions, replication,
                standbyReplicas, processingGuarantee, commitInterval, httpPort, advertisedHost, statusStore,
                heartbeatInterval, shutdownTimeout, definitionsDir, kafka, spans, rocksDbMemoryMb);
    }

    /**
     * The settings of {@link StreamsAppKeys} in {@code reader}'s layers; mistakes are noted in the reader, for the
     * caller to report with those of other apps read from the same layers.
     */
    public static StreamsAppConfig read(ConfigReader reader) {
        return ConfigValues.read(reader);
    }

    /** {@code bootstrap.servers} and the {@code kafka.*} settings: what an Admin, producer or consumer needs. */
    public Map<String, Object> clientProperties() {
        return KafkaSettings.clientProperties(bootstrapServers, kafka);
    }

    /** {@code key = value} per setting, secrets masked: for the log at start-up and for {@code --print-config}. */
    public List<String> describe() {
        ConfigListing listing = new ConfigListing(StreamsAppKeys.ALL)
                .value(StreamsAppKeys.BOOTSTRAP_SERVERS, bootstrapServers, "(embedded broker)")
                .value(StreamsAppKeys.APPLICATION_ID, applicationId)
                .value(StreamsAppKeys.STATE_DIR, stateDir)
                .value(StreamsAppKeys.INSTANCE_ID, instanceId);
        List<String> names = topics.all();
        for (int i = 0; i < names.size(); i++) {
            listing.value(StreamsAppKeys.TOPICS.get(i), names.get(i));
        }
        return listing.value(StreamsAppKeys.TOPIC_SPANS, spans.topic())
                .value(StreamsAppKeys.SPANS_ENCODING, spans.encoding().configName())
                .value(StreamsAppKeys.SPANS_KINDS, spans.kinds())
                .value(StreamsAppKeys.TOPIC_PARTITIONS, partitions)
                .value(StreamsAppKeys.TOPIC_REPLICATION, replication.map(Short::intValue), "(broker default)")
                .value(StreamsAppKeys.STANDBY_REPLICAS, standbyReplicas)
                .value(StreamsAppKeys.PROCESSING_GUARANTEE, processingGuarantee)
                .value(StreamsAppKeys.COMMIT_INTERVAL_MS, commitInterval)
                .value(StreamsAppKeys.HTTP_PORT, httpPort)
                .value(StreamsAppKeys.HTTP_ADVERTISED_HOST, advertisedHost)
                .value(StreamsAppKeys.STATUS_STORE, statusStore)
                .value(StreamsAppKeys.HEARTBEAT_INTERVAL_MS, heartbeatInterval)
                .value(StreamsAppKeys.SHUTDOWN_TIMEOUT_MS, shutdownTimeout)
                .value(StreamsAppKeys.ROCKSDB_MEMORY_MB, rocksDbMemoryMb)
                .value(StreamsAppKeys.DEFINITIONS_DIR, definitionsDir, "(none)")
                .passThrough(KafkaSettings.PASS_THROUGH, kafka)
                .lines();
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
    public static final class Builder extends LayeredBuilder<Builder> {

        private Builder() {
        }

        public Builder bootstrapServers(String servers) {
            return set(StreamsAppKeys.BOOTSTRAP_SERVERS, servers);
        }

        public Builder applicationId(String applicationId) {
            return set(StreamsAppKeys.APPLICATION_ID, applicationId);
        }

        public Builder stateDir(Path stateDir) {
            return set(StreamsAppKeys.STATE_DIR, stateDir);
        }

        public Builder httpPort(int port) {
            return set(StreamsAppKeys.HTTP_PORT, port);
        }

        public Builder processingGuarantee(String guarantee) {
            return set(StreamsAppKeys.PROCESSING_GUARANTEE, guarantee);
        }

        public Builder commitInterval(Duration interval) {
            return set(StreamsAppKeys.COMMIT_INTERVAL_MS, interval);
        }

        public Builder definitionsDir(Path folder) {
            return set(StreamsAppKeys.DEFINITIONS_DIR, folder);
        }

        /** Every topic's default name with {@code suffix}, so that tests and side-by-side runs do not share topics. */
        public Builder topicsWithSuffix(String suffix) {
            StreamsAppKeys.TOPICS.forEach(topic -> set(topic, topic.defaultValue().orElseThrow() + suffix));
            return set(StreamsAppKeys.TOPIC_SPANS, Optional.of(SpanInput.DEFAULT_TOPIC + suffix));
        }

        /** @throws InvalidConfigException listing every invalid or unknown setting, with where it was set */
        public StreamsAppConfig build() {
            return build(StreamsAppKeys.ALL, "streams app", StreamsAppConfig::read);
        }
    }
}
