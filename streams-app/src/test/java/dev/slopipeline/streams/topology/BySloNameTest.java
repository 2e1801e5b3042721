package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repartition by SLO name: unsplit SLOs stay on the partition Kafka gave them, split ones on their SLO's. */
class BySloNameTest {

    private final BySloName<Object> partitioner = new BySloName<>();

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 12, 64})
    void shouldPartitionAnSloThatIsNotSplitAsKafkaDoes(int partitions) {
        for (String slo : Set.of("checkout-availability", "search-latency", "login-probe", "a")) {
            int kafka = BuiltInPartitioner.partitionForKey(slo.getBytes(StandardCharsets.UTF_8), partitions);

            assertThat(partitioner.partitions("t", slo, null, partitions)).contains(Set.of(kafka));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 12, 64})
    void shouldPutEverySeriesOfASplitSloOnItsSlosPartition(int partitions) {
        Set<Integer> slo = partitioner.partitions("t", "checkout", null, partitions).orElseThrow();
        for (String region : Set.of("eu-west", "us-east", "ap-south", "", "other")) {
            assertThat(partitioner.partitions("t", "checkout{region=\"" + region + "\"}", null, partitions)).contains(slo);
        }
    }
}
