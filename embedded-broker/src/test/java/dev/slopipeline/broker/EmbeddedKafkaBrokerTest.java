package dev.slopipeline.broker;

import static dev.slopipeline.broker.KafkaClients.admin;
import static dev.slopipeline.broker.KafkaClients.consume;
import static dev.slopipeline.broker.KafkaClients.consumeUntil;
import static dev.slopipeline.broker.KafkaClients.createTopic;
import static dev.slopipeline.broker.KafkaClients.produce;
import static dev.slopipeline.broker.KafkaClients.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Most tests share one broker, so the class pays for a broker start only where the test is about starting. */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    static void startSharedBroker() {
        broker = EmbeddedKafkaBroker.builder()
                .listener("EXTERNAL", SecurityProtocol.PLAINTEXT, 0)
                .start();
    }

    @AfterAll
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    static void stopSharedBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void producedRecordsReachAConsumerOfACreatedTopic() throws Exception {
        createTopic(broker.bootstrapServers(), "orders", 1);

        produce(broker.bootstrapServers(), "orders", List.of("order-1", "order-2", "order-3"));

        assertThat(consume(broker.bootstrapServers(), "orders", 3))
                .extracting(ConsumerRecord::value)
                .containsExactly("order-1", "order-2", "order-3");
    }

    @Test
    void readCommittedConsumersSeeCommittedButNotAbortedTransactions() throws Exception {
        createTopic(broker.bootstrapServers(), "payments", 1);
        try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers(),
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "payments-writer"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("payments", "p1", "committed-1"));
            producer.send(new ProducerRecord<>("payments", "p2", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("payments", "p3", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("payments", "p4", "committed-last"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> read = consumeUntil(broker.bootstrapServers(), "payments",
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                received -> received.stream().anyMatch(record -> record.value().equals("committed-last")));

        assertThat(read).extracting(ConsumerRecord::value)
                .containsExactly("committed-1", "committed-2", "committed-last");
    }

    @Test
    void extraListenerServesClientsOnItsOwnPort() throws Exception {
        String external = broker.bootstrapServers("external");

        try (Admin admin = admin(external)) {
            assertThat(admin.describeCluster().nodes().get()).extracting(Node::port)
                    .containsExactly(Integer.parseInt(external.substring(external.indexOf(':') + 1)));
        }
        assertThat(external).isNotEqualTo(broker.bootstrapServers());
    }

    @Test
    void secondBrokerOnADirectoryInUseIsRefused() throws Exception {
        Path inUse = broker.dataDirectory();
        EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder().dataDirectory(inUse).build();

        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another broker is already using " + inUse);

        assertThat(second.isRunning()).isFalse();
        try (Admin admin = admin(broker.bootstrapServers())) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void runningBrokerRefusesASecondStart() {
        assertThatThrownBy(broker::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running on " + broker.bootstrapServers());
    }

    @Test
    void kafkaCannotExitTheJvmWhileTheBrokerRuns() {
        assertThatThrownBy(() -> Exit.halt(1, "simulated fatal fault"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("simulated fatal fault");

        assertThat(broker.fatalError()).hasValueSatisfying(
                error -> assertThat(error).contains("halt(1)", "simulated fatal fault"));
    }

    @Test
    void restartOnTheSameDirectoryKeepsClusterTopicsAndRecords(@TempDir Path directory) throws Exception {
        String clusterId;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().dataDirectory(directory).start()) {
            createTopic(first.bootstrapServers(), "kept", 1);
            produce(first.bootstrapServers(), "kept", List.of("before-restart-1", "before-restart-2"));
            try (Admin admin = admin(first.bootstrapServers())) {
                clusterId = admin.describeCluster().clusterId().get();
            }
        }
        assertThat(directory.resolve("meta.properties")).exists();

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder().dataDirectory(directory).start()) {
            try (Admin admin = admin(second.bootstrapServers())) {
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
                assertThat(admin.listTopics().names().get()).contains("kept");
            }
            assertThat(consume(second.bootstrapServers(), "kept", 2))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("before-restart-1", "before-restart-2");
        }
    }

    @Test
    void failedStartExplainsWhyAndLeavesTheDirectoryUsable(@TempDir Path directory) throws Exception {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedKafkaBroker clashing = EmbeddedKafkaBroker.builder()
                    .dataDirectory(directory)
                    .port(occupied.getLocalPort())
                    .build();

            assertThatThrownBy(clashing::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("failed to start")
                    .hasMessageContaining(String.valueOf(occupied.getLocalPort()));
            assertThat(clashing.isRunning()).isFalse();
        }

        try (EmbeddedKafkaBroker retry = EmbeddedKafkaBroker.builder().dataDirectory(directory).start()) {
            assertThat(retry.isRunning()).isTrue();
        }
    }

    @Test
    void temporaryDataDirectoryLivesOnlyWhileTheBrokerRuns() {
        Path directory;
        try (EmbeddedKafkaBroker temporary = EmbeddedKafkaBroker.builder().start()) {
            directory = temporary.dataDirectory();
            assertThat(directory.resolve("meta.properties")).exists();
        }

        assertThat(Files.exists(directory)).isFalse();
    }
}
