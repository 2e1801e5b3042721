package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.kafka.TopicBootstrap;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.delivery.service.DispatchTopics;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The router's topics as an operator finds them on the cluster after the first start. */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouterTopicLayoutTest {

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @Test
    void shouldCreateTheDeliveriesTopicCompactedWithItsRetentionAndTheIntentsAsALog() throws Exception {
        Admin admin = broker.admin();
        String suffix = SharedKafka.unique(".bootstrap");
        RouterTopics topics = RouterTopics.withSuffix(suffix);
        DispatchTopics dispatch = new DispatchTopics(topics.notifications(), "router.deliveries" + suffix, 2,
                Duration.ofDays(14));

        new TopicBootstrap(admin, Duration.ofSeconds(30)).ensure(RouterTopicLayout.of(topics, dispatch,
                Optional.of("slo.heartbeat" + suffix)));

        Config deliveries = config(admin, dispatch.deliveries());
        assertThat(deliveries.get("cleanup.policy").value()).isEqualTo("compact,delete");
        assertThat(deliveries.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(14).toMillis()));
        assertThat(config(admin, topics.notifications()).get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(config(admin, topics.silences()).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config(admin, topics.incidents()).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config(admin, topics.incidentCommands()).get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(config(admin, "slo.heartbeat" + suffix).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(admin.describeTopics(List.of(dispatch.deliveries())).allTopicNames().get()
                .get(dispatch.deliveries()).partitions()).hasSize(2);
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }
}
