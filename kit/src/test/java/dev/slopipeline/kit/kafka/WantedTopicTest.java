package dev.slopipeline.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class WantedTopicTest {

    @Test
    void shouldCreateTheTopicWithItsConfigsAndTheBrokersDefaultReplicationUnlessOneIsGiven() {
        WantedTopic deliveries = WantedTopic.withPartitions("router.deliveries", 3)
                .withConfigs(Map.of("retention.ms", "1000"))
                .withCleanupPolicy("compact,delete");

        NewTopic byDefault = deliveries.toNewTopic(3);
        NewTopic replicated = deliveries.withReplication(Optional.of((short) 3)).toNewTopic(3);

        assertThat(byDefault.configs()).isEqualTo(Map.of("retention.ms", "1000", "cleanup.policy", "compact,delete"));
        assertThat(byDefault.numPartitions()).isEqualTo(3);
        assertThat(byDefault.replicationFactor()).as("the broker's default").isEqualTo((short) -1);
        assertThat(replicated.replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void shouldRefuseATopicWithoutPartitions() {
        assertThatThrownBy(() -> WantedTopic.withPartitions("slo.alerts", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a topic needs at least 1 partition, was 0");
    }

    @Test
    void shouldRefuseATopicPartitionedLikeItself() {
        assertThatThrownBy(() -> WantedTopic.partitionedLike("router.pages", "router.pages"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topic router.pages cannot take its partition count from itself");
    }
}
