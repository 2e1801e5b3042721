package dev.slopipeline.streams.app;

import static dev.slopipeline.streams.app.StreamsAppKeys.APPLICATION_ID;
import static dev.slopipeline.streams.app.StreamsAppKeys.BOOTSTRAP_SERVERS;
import static dev.slopipeline.streams.app.StreamsAppKeys.COMMIT_INTERVAL_MS;
import static dev.slopipeline.streams.app.StreamsAppKeys.HTTP_ADVERTISED_HOST;
import static dev.slopipeline.streams.app.StreamsAppKeys.HTTP_PORT;
import static dev.slopipeline.streams.app.StreamsAppKeys.INSTANCE_ID;
import static dev.slopipeline.streams.app.StreamsAppKeys.PROCESSING_GUARANTEE;
import static dev.slopipeline.streams.app.StreamsAppKeys.STANDBY_REPLICAS;
import static dev.slopipeline.streams.app.StreamsAppKeys.STATE_DIR;
import static dev.slopipeline.streams.app.StreamsAppKeys.TOPIC_REPLICATION;

import dev.slopipeline.kit.config.ConfigReader;
import dev.slopipeline.kit.config.KafkaSettings;
import dev.slopipeline.streams.otlp.SpanEncoding;
import dev.slopipeline.streams.otlp.SpanInput;
import dev.slopipeline.kit.kafka.GroupInstanceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a {@link StreamsAppConfig} from its {@link StreamsAppKeys}, and checks what no single key can. */
final class ConfigValues {

    /** Kafka Streams settings the app owns, with the key that sets them instead of a {@code kafka.*} one. */
    private static final Map<String, String> OWNED_KAFKA_KEYS = Map.of(
            "bootstrap.servers", BOOTSTRAP_SERVERS.name(),
            "application.id", APPLICATION_ID.name(),
            "state.dir", STATE_DIR.name(),
            "group.instance.id", INSTANCE_ID.name(),
            "processing.guarantee", PROCESSING_GUARANTEE.name(),
            "commit.interval.ms", COMMIT_INTERVAL_MS.name(),
            "num.standby.replicas", STANDBY_REPLICAS.name(),
            "replication.factor", TOPIC_REPLICATION.name(),
            "application.server", HTTP_ADVERTISED_HOST.name() + " and " + HTTP_PORT.name());

    private ConfigValues() {
    }

    static StreamsAppConfig read(ConfigReader reader) {
        String guarantee = reader.get(PROCESSING_GUARANTEE);
        Duration defaultCommit = Duration.ofMillis(guarantee.equals(StreamsAppConfig.AT_LEAST_ONCE) ? 1000 : 100);
        Path stateDir = reader.get(STATE_DIR);
        Topics topics = topics(reader);
        return new StreamsAppConfig(
                reader.find(BOOTSTRAP_SERVERS),
                reader.get(APPLICATION_ID),
                stateDir,
                reader.find(INSTANCE_ID).orElseGet(() -> GroupInstanceId.forStateDir(stateDir)),
                topics,
                reader.get(StreamsAppKeys.TOPIC_PARTITIONS),
                reader.find(TOPIC_REPLICATION).map(Integer::shortValue),
                reader.get(STANDBY_REPLICAS),
                guarantee,
                reader.find(COMMIT_INTERVAL_MS).orElse(defaultCommit),
                reader.get(HTTP_PORT),
                reader.get(HTTP_ADVERTISED_HOST),
                reader.get(StreamsAppKeys.STATUS_STORE),
                reader.get(StreamsAppKeys.HEARTBEAT_INTERVAL_MS),
                reader.get(StreamsAppKeys.SHUTDOWN_TIMEOUT_MS),
                reader.find(StreamsAppKeys.DEFINITIONS_DIR),
                reader.passThrough(KafkaSettings.PASS_THROUGH, OWNED_KAFKA_KEYS),
                spans(reader, topics),
                reader.get(StreamsAppKeys.ROCKSDB_MEMORY_MB));
    }

    private static SpanInput spans(ConfigReader reader, Topics topics) {
        Optional<String> topic = reader.get(StreamsAppKeys.TOPIC_SPANS);
        topic.filter(topics.all()::contains).ifPresent(name -> reader.refuse(StreamsAppKeys.TOPIC_SPANS,
                "names " + name + ", which another topics.* setting uses; spans need a topic of their own"));
        return new SpanInput(topic, SpanEncoding.ofConfigName(reader.get(StreamsAppKeys.SPANS_ENCODING)).orElseThrow(),
                reader.get(StreamsAppKeys.SPANS_KINDS));
    }

    private static Topics topics(ConfigReader reader) {
        Topics topics = new Topics(reader.get(StreamsAppKeys.TOPIC_REQUESTS), reader.get(StreamsAppKeys.TOPIC_HEALTH),
                reader.get(StreamsAppKeys.TOPIC_DLQ), reader.get(StreamsAppKeys.TOPIC_DEFINITIONS),
                reader.get(StreamsAppKeys.TOPIC_ALERTS), reader.get(StreamsAppKeys.TOPIC_STATUS),
                reader.get(StreamsAppKeys.TOPIC_HEARTBEAT));
        Set<String> seen = new HashSet<>();
        topics.all().stream().filter(name -> !seen.add(name)).distinct().forEach(name -> reader.refuse(
                "topic " + name + " is configured for two purposes; every topics.* setting needs its own topic"));
        return topics;
    }
}
