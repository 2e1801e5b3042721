package dev.slopipeline.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.testkafka.SharedKafka;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamsTopicsTest {

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    @Test
    void shouldCreateTheMissingTopicsWithTheirCleanupPolicyOnceOnly() throws Exception {
        // the default names with a suffix of this run's, as the cluster may be one that earlier runs used
        String suffix = SharedKafka.unique("");
        StreamsAppConfig config = StreamsAppConfig.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .set("topics.partitions", "2")
                .topicsWithSuffix(suffix)
                .build();
        try (Admin admin = Admin.create(config.clientProperties())) {
            List<String> created = StreamsTopics.ensure(admin, config, Duration.ofSeconds(20));
            List<String> createdAgain = StreamsTopics.ensure(admin, config, Duration.ofSeconds(20));

            List<String> all = Stream.concat(config.topics().all().stream(), Stream.of("otlp_spans" + suffix)).toList();
            assertThat(created).containsExactlyInAnyOrderElementsOf(all);
            assertThat(createdAgain).isEmpty();
            assertThat(cleanupPolicies(admin, all, suffix)).isEqualTo(Map.of(
                    "slo.events.requests", "delete", "slo.events.health", "delete", "slo.events.dlq", "delete",
                    "slo.alerts", "delete", "slo.definitions", "compact", "slo.status", "compact",
                    "slo.heartbeat", "compact,delete", "otlp_spans", "delete"));
            Map<String, TopicDescription> descriptions = admin.describeTopics(all).allTopicNames().get();
            assertThat(descriptions.get("slo.definitions" + suffix).partitions()).hasSize(1);
            assertThat(descriptions.get("slo.events.requests" + suffix).partitions()).hasSize(2);
            assertThat(descriptions.get("slo.status" + suffix).partitions()).hasSize(2);
            assertThat(descriptions.get("slo.heartbeat" + suffix).partitions()).hasSize(1);
            assertThat(descriptions.get("otlp_spans" + suffix).partitions()).hasSize(2);
        }
    }

    @Test
    void shouldCreateTheSpansTopicWithAsManyPartitionsAsTheRequestTopicWhateverTheSetting() throws Exception {
        StreamsAppConfig config = StreamsAppConfig.builder().bootstrapServers(kafka.bootstrapServers())
                .set("topics.partitions", "2").topicsWithSuffix(SharedKafka.unique(".older")).build();
        try (Admin admin = Admin.create(config.clientProperties())) {
            // an installation from before spans were read, its request topic made with another partition count
            admin.createTopics(List.of(new NewTopic(config.topics().requests(), 5, (short) 1))).all().get();

            StreamsTopics.ensure(admin, config, Duration.ofSeconds(20));

            String spans = config.spans().topic().orElseThrow();
            assertThat(admin.describeTopics(List.of(spans)).allTopicNames().get().get(spans).partitions()).hasSize(5);
        }
    }

    /** The cleanup policy of each topic, by its name without the suffix. */
    private static Map<String, String> cleanupPolicies(Admin admin, List<String> topics, String suffix) throws Exception {
        Set<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .collect(Collectors.toSet());
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        return configs.entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().name().substring(0, entry.getKey().name().length() - suffix.length()),
                entry -> entry.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
    }
}
