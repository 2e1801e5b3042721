package dev.slopipeline.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamsTopicsTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldCreateTheMissingTopicsWithTheirCleanupPolicyOnceOnly() throws Exception {
        StreamsAppConfig config = StreamsAppConfig.builder()
                .bootstrapServers(broker.bootstrapServers())
                .set("topics.partitions", "2")
                .build();
        try (Admin admin = Admin.create(config.clientProperties())) {
            List<String> created = StreamsTopics.ensure(admin, config, Duration.ofSeconds(20));
            List<String> createdAgain = StreamsTopics.ensure(admin, config, Duration.ofSeconds(20));

            List<String> all = Stream.concat(config.topics().all().stream(), Stream.of("otlp_spans")).toList();
            assertThat(created).containsExactlyInAnyOrderElementsOf(all);
            assertThat(createdAgain).isEmpty();
            assertThat(cleanupPolicies(admin, all)).isEqualTo(Map.of(
                    "slo.events.requests", "delete", "slo.events.health", "delete", "slo.events.dlq", "delete",
                    "slo.alerts", "delete", "slo.definitions", "compact", "slo.status", "compact",
                    "slo.heartbeat", "compact,delete", "otlp_spans", "delete"));
            Map<String, TopicDescription> descriptions = admin.describeTopics(all).allTopicNames().get();
            assertThat(descriptions.get("slo.definitions").partitions()).hasSize(1);
            assertThat(descriptions.get("slo.events.requests").partitions()).hasSize(2);
            assertThat(descriptions.get("slo.status").partitions()).hasSize(2);
            assertThat(descriptions.get("slo.heartbeat").partitions()).hasSize(1);
            assertThat(descriptions.get("otlp_spans").partitions()).hasSize(2);
        }
    }

    @Test
    void shouldCreateTheSpansTopicWithAsManyPartitionsAsTheRequestTopicWhateverTheSetting() throws Exception {
        StreamsAppConfig config = StreamsAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                .set("topics.partitions", "2").topicsWithSuffix(".older").build();
        try (Admin admin = Admin.create(config.clientProperties())) {
            // an installation from before spans were read, its request topic made with another partition count
            admin.createTopics(List.of(new NewTopic(config.topics().requests(), 5, (short) 1))).all().get();

            StreamsTopics.ensure(admin, config, Duration.ofSeconds(20));

            assertThat(admin.describeTopics(List.of("otlp_spans.older")).allTopicNames().get().get("otlp_spans.older")
                    .partitions()).hasSize(5);
        }
    }

    private static Map<String, String> cleanupPolicies(Admin admin, List<String> topics) throws Exception {
        Set<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .collect(Collectors.toSet());
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        return configs.entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().name(),
                entry -> entry.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
    }
}
